import { z } from "zod";

export const platformSchema = z.enum(["slack", "discord", "console"]);
export type Platform = z.infer<typeof platformSchema>;

/** Who is talking to us, as the platform identifies them. Validated at the adapter edge. */
export const platformIdentitySchema = z.object({
  platform: platformSchema,
  /** Slack team id, Discord guild id ("dm" outside a guild), "local" for the console. */
  workspaceId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  displayName: z.string().max(200).optional(),
  /** Locale the platform reports for this user (Slack users.info, Discord interaction.locale). */
  locale: z.string().max(35).optional(),
  /**
   * The channel the request came from (Slack channel id, Discord channel id), when there is one:
   * setup commands like "use this channel for problems" need it. Absent in DMs' edge cases and
   * on the console.
   */
  channelId: z.string().min(1).max(64).optional(),
  /**
   * The account's verified email, when the platform's profile reports one (Slack users.info with
   * users:read.email; Discord never tells bots). Access requests route to the member whose email
   * is the catalog's contact. Stored, never shown or logged.
   */
  email: z.email().max(254).optional(),
});
export type PlatformIdentity = z.infer<typeof platformIdentitySchema>;

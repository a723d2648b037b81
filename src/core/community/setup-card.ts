import type { RequestContext } from "../bot/request-context.js";
import type { ChannelMembership } from "../ports/channel-access.js";
import type { ChannelPurpose, CommunityConfig } from "../ports/community-directory.js";
import type { Card, CardAction, RichText } from "../shared/card.js";

export const CHANNEL_PURPOSES: readonly ChannelPurpose[] = ["problems", "triage", "showcases", "digest"];
export const SETUP_SECTIONS = ["channels", "region", "digest", "topics", "oncall"] as const;
export type SetupSection = (typeof SETUP_SECTIONS)[number];

/** The channels this workspace/server set, by purpose (null when none is set or on the console). */
export function channelsHere(
  ctx: RequestContext,
  config: CommunityConfig,
): Record<ChannelPurpose, string | null> | null {
  if (ctx.identity.platform === "console") return null;
  const here = config.channels.find(
    (channel) =>
      channel.platform === ctx.identity.platform && channel.workspaceId === ctx.identity.workspaceId,
  );
  return {
    problems: here?.problemChannelId ?? null,
    triage: here?.triageChannelId ?? null,
    showcases: here?.showcaseChannelId ?? null,
    digest: here?.digestChannelId ?? null,
  };
}

function value(ctx: RequestContext, text: string | null): RichText {
  return text === null
    ? [{ text: ctx.t("community:setup.notSet"), style: "italic" }]
    : [{ text, style: "code" }];
}

/** A channel's value, with a warning when the platform says the bot is not in it. */
function channelValue(
  ctx: RequestContext,
  channelId: string | null,
  membership: ChannelMembership,
): RichText {
  const shown = value(ctx, channelId);
  return membership === "not-member"
    ? [...shown, " ", { text: `⚠ ${ctx.t("community:setup.notInChannel")}`, style: "italic" }]
    : shown;
}

/** Each set channel's membership, asked in parallel ("unknown" where nobody can tell). */
async function memberships(
  ctx: RequestContext,
  channels: Record<ChannelPurpose, string | null>,
): Promise<Record<ChannelPurpose, ChannelMembership>> {
  const access = ctx.deps.channelAccess;
  const { platform, workspaceId } = ctx.identity;
  const answers = await Promise.all(
    CHANNEL_PURPOSES.map(async (purpose): Promise<[ChannelPurpose, ChannelMembership]> => {
      const id = channels[purpose];
      return [purpose, id && access ? await access.membership(platform, workspaceId, id) : "unknown"];
    }),
  );
  return Object.fromEntries(answers) as Record<ChannelPurpose, ChannelMembership>;
}

export function digestText(ctx: RequestContext, config: CommunityConfig): string {
  const when = ctx.t("community:setup.digestWhen", {
    weekday: ctx.t(`community:weekdays.${config.digest.weekday}`),
    hour: String(config.digest.hour).padStart(2, "0"),
  });
  return ctx.t(
    config.digest.sendWhenQuiet ? "community:setup.digestQuiet" : "community:setup.digestNotQuiet",
    { when },
  );
}

/** The summary admins see after `setup` and after each save, with a button per section. */
export async function setupCard(ctx: RequestContext, config: CommunityConfig): Promise<Card> {
  const channels = channelsHere(ctx, config);
  const oncallNames = config.oncall
    ? (await ctx.deps.directory.contacts(config.oncall.personIds)).map((contact) => contact.displayName)
    : [];
  const fields: { label: string; value: RichText }[] = [];
  if (channels) {
    const membership = await memberships(ctx, channels);
    for (const purpose of CHANNEL_PURPOSES) {
      fields.push({
        label: ctx.t(`community:setup.channelNames.${purpose}`),
        value: channelValue(ctx, channels[purpose], membership[purpose]),
      });
    }
  }
  fields.push(
    { label: ctx.t("community:setup.timezone"), value: [config.timezone] },
    {
      label: ctx.t("community:setup.locale"),
      value: [ctx.t(`community:localeNames.${config.locale}`, { defaultValue: config.locale })],
    },
    { label: ctx.t("community:setup.digest"), value: [digestText(ctx, config)] },
    {
      label: ctx.t("community:setup.topics"),
      value: [config.topics.length > 0 ? config.topics.join(", ") : ctx.t("community:setup.topicsNone")],
    },
    {
      label: ctx.t("community:setup.oncall"),
      value: [
        config.oncall
          ? ctx.t("community:setup.oncallFrom", {
              people: oncallNames.join(", "),
              startsOn: config.oncall.startsOn,
            })
          : ctx.t("community:setup.oncallNone"),
      ],
    },
  );
  const actions: CardAction[] = SETUP_SECTIONS.filter((section) => section !== "channels" || channels).map(
    (section) => ({
      kind: "button",
      actionId: `setup.${section}`,
      label: ctx.t(`community:setup.buttons.${section}`),
      value: "open",
    }),
  );
  const title = `${ctx.t("community:setup.title")}: ${config.name}`;
  return {
    fallbackText: title,
    accent: "info",
    blocks: [
      { type: "header", text: title },
      ...(channels
        ? [
            {
              type: "context" as const,
              text: [ctx.t("community:setup.channelsHere", { platform: ctx.identity.platform })],
            },
          ]
        : [{ type: "context" as const, text: [ctx.t("community:setup.channelsNone")] }]),
      { type: "fields", fields },
      { type: "actions", actions },
    ],
  };
}

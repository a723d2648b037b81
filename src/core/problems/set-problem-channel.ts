import type { RequestContext } from "../bot/request-context.js";
import { requireRole } from "../people/roles.js";
import type { Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { CommandArgs } from "../shared/handlers.js";
import { CHANNEL_COMMAND_PURPOSES } from "./channel-command-purposes.js";

/**
 * `channel problems|triage`, typed in the channel to use: where new problems are posted and where
 * champions are pinged, per connected workspace. Admins only: it decides who sees what.
 */
export async function channelCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  requireRole(ctx.actor, ["admin"]);
  const purpose = CHANNEL_COMMAND_PURPOSES.find(
    (p) => p === (typeof args.purpose === "string" ? args.purpose.trim().toLowerCase() : ""),
  );
  if (!purpose) throw new DomainError("invalid_input", "problems:channel.usage");
  const channelId = ctx.identity.channelId;
  if (!channelId || ctx.identity.platform === "console")
    throw new DomainError("invalid_input", "problems:channel.noChannel");
  const { platform, workspaceId } = ctx.identity;
  // A setup change like any other: written with its audit entry (who moved the channel, from where).
  await ctx.deps.communityUnitOfWork.run(async (tx) => {
    await tx.directory.setChannel(ctx.community.id, platform, workspaceId, purpose, channelId);
    await tx.audit.append({
      communityId: ctx.community.id,
      at: ctx.deps.clock.now(),
      actorId: ctx.actor.personId,
      actorName: ctx.actor.displayName,
      platform,
      action: "setup_changed",
      subjectType: "community",
      subjectId: ctx.community.id,
      subjectRef: ctx.community.slug,
      reason: null,
      details: { setting: "channels", platform, workspace: workspaceId, [purpose]: channelId },
    });
  });
  // Slack lets an admin run this in a channel the bot was never invited to; say so now rather
  // than let every post there become a dead letter.
  const membership =
    (await ctx.deps.channelAccess?.membership(platform, workspaceId, channelId)) ?? "unknown";
  const set = ctx.t(`problems:channel.set.${purpose}`);
  return {
    kind: "card",
    visibility: "ephemeral",
    card:
      membership === "not-member"
        ? noticeCard(`${set}\n⚠ ${ctx.t("problems:channel.notInChannel")}`, "warning")
        : noticeCard(set, "success"),
  };
}

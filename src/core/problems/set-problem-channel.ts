import type { RequestContext } from "../bot/request-context.js";
import type { CommandArgs } from "../bot/routes.js";
import { requireRole } from "../people/roles.js";
import type { Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import { notice } from "./problem-cards.js";

const PURPOSES = ["problems", "triage"] as const;

/**
 * `channel problems|triage`, typed in the channel to use: where new problems are posted and where
 * champions are pinged, per connected workspace. Admins only: it decides who sees what.
 */
export async function channelCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  requireRole(ctx.actor, ["admin"]);
  const purpose = PURPOSES.find(
    (p) => p === (typeof args.purpose === "string" ? args.purpose.trim().toLowerCase() : ""),
  );
  if (!purpose) throw new DomainError("invalid_input", "problems:channel.usage");
  const channelId = ctx.identity.channelId;
  if (!channelId || ctx.identity.platform === "console")
    throw new DomainError("invalid_input", "problems:channel.noChannel");
  await ctx.deps.directory.setChannel(
    ctx.community.id,
    ctx.identity.platform,
    ctx.identity.workspaceId,
    purpose,
    channelId,
  );
  return {
    kind: "card",
    visibility: "ephemeral",
    card: notice(ctx.t(`problems:channel.set.${purpose}`), "success"),
  };
}

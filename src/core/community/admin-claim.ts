import { createHash, randomInt } from "node:crypto";
import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import type { Clock } from "../ports/clock.js";
import type { CommunityUnitOfWork } from "../ports/membership-store.js";
import type { Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { CommandArgs } from "../shared/handlers.js";
import { normalizeTypedCode, readableCode } from "../shared/readable-code.js";
import { grantRole } from "./role-change.js";
import { notice } from "./roles-in-chat.js";

/** 12 characters of a 31-letter alphabet (~59 bits): not guessable within its lifetime. */
const CLAIM_CODE_LENGTH = 12;
/** Long enough to start the bot, read its log and open chat the next morning. */
export const CLAIM_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface IssuedClaim {
  /** As printed: three groups of four ("K7QF-M2XD-9PRA"). */
  code: string;
  expiresAt: Date;
}

const hashOf = (normalized: string) => createHash("sha256").update(normalized).digest("hex");

/**
 * At start: a community with no admin gets a new one-time claim code (replacing any earlier
 * one), which the caller prints; only its hash is stored. Null when the community has an admin.
 * Checked in the same transaction as the write, so a grant from the terminal cannot race it.
 */
export async function issueAdminClaim(
  deps: { communityUnitOfWork: CommunityUnitOfWork; clock: Clock },
  communityId: string,
  pick: (n: number) => number = randomInt,
): Promise<IssuedClaim | null> {
  const raw = readableCode(CLAIM_CODE_LENGTH, pick);
  const expiresAt = new Date(deps.clock.now().getTime() + CLAIM_CODE_TTL_MS);
  const issued = await deps.communityUnitOfWork.run(async (tx) => {
    if ((await tx.memberships.countWithRole(communityId, "admin")) > 0) return false;
    await tx.adminClaims.replace(communityId, hashOf(raw), expiresAt);
    return true;
  });
  return issued ? { code: raw.match(/.{1,4}/g)?.join("-") ?? raw, expiresAt } : null;
}

type ClaimOutcome = "claimed" | "has_admin" | "unknown" | "expired";

/**
 * `claim <code>` (anyone, typed in a DM, a mention, `/datadesk claim` or the console): the code
 * `datadesk start` printed makes the sender the community's first admin. Taking the code and
 * granting admin (with its audit entry) commit together; a community that has an admin refuses
 * and keeps the code, so a claim can never add a second admin behind the first one's back.
 */
export async function claimAdminCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  const typed = typeof args.code === "string" ? normalizeTypedCode(args.code) : "";
  if (typed === "") throw new DomainError("invalid_input", "community:claim.usage");
  const now = ctx.deps.clock.now();
  const outcome = await ctx.deps.communityUnitOfWork.run(async (tx): Promise<ClaimOutcome> => {
    if ((await tx.memberships.countWithRole(ctx.community.id, "admin")) > 0) return "has_admin";
    const claim = await tx.adminClaims.take(ctx.community.id, hashOf(typed));
    if (!claim) return "unknown";
    if (claim.expiresAt.getTime() <= now.getTime()) return "expired";
    await grantRole(tx, {
      communityId: ctx.community.id,
      actor: { personId: ctx.actor.personId, name: ctx.actor.displayName, platform: ctx.identity.platform },
      target: { personId: ctx.actor.personId, displayName: ctx.actor.displayName },
      role: "admin",
      reason: ctx.t("community:claim.auditReason"),
      at: now,
    });
    return "claimed";
  });
  const params = { community: ctx.community.name };
  switch (outcome) {
    case "claimed":
      return notice(
        ctx.t("community:claim.claimed", {
          ...params,
          setup: invocationOf(ctx.identity.platform, "setup"),
          role: invocationOf(ctx.identity.platform, "role"),
        }),
        "success",
      );
    case "has_admin":
      throw new DomainError("conflict", "community:claim.hasAdmin", params);
    case "expired":
      throw new DomainError("invalid_input", "community:claim.expired");
    case "unknown":
      throw new DomainError("invalid_input", "community:claim.unknown");
  }
}

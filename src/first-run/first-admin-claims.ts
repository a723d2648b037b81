import type { CoreDeps } from "../core/bot/core-deps.js";
import { invocationOf } from "../core/commands/invocation.js";
import { issueAdminClaim } from "../core/community/admin-claim.js";
import type { Platform } from "../core/shared/platform.js";
import type { AppLogger } from "../ops/logger.js";

/**
 * A community nobody administers yet gets a one-time claim code in the start-up log: whoever
 * sends it to the bot first becomes admin (src/core/community/admin-claim.ts). The log line is
 * the only place the code exists, so it is at warn: shown at every level but error.
 */
export async function announceFirstAdminClaims(
  deps: Pick<CoreDeps, "communityUnitOfWork" | "clock">,
  communities: readonly { id: string; name: string }[],
  platforms: readonly Platform[],
  logger: AppLogger,
): Promise<number> {
  let issued = 0;
  for (const community of communities) {
    const claim = await issueAdminClaim(deps, community.id);
    if (!claim) continue;
    issued++;
    const how = platforms.map((platform) => `${invocationOf(platform, "claim")} ${claim.code}`);
    logger.warn(
      { community: community.name, claimExpiresAt: claim.expiresAt.toISOString() },
      `${community.name} has no admin yet. To become its admin, send the bot a direct message ` +
        `"claim ${claim.code}" (or ${how.join(" / ")}). The code works once, until ` +
        `${claim.expiresAt.toISOString()}; a new start replaces it.`,
    );
  }
  return issued;
}

import type { PlatformIdentity } from "../shared/platform.js";

/**
 * The namespace a platform user id is unique in. Slack user ids belong to a workspace (team), so
 * the team is part of the account key. Discord user ids are global: the same person writing in a
 * server and in a DM must be one account, not two, so the guild is not part of the key.
 */
export function accountScope(identity: Pick<PlatformIdentity, "platform" | "workspaceId">): string {
  return identity.platform === "discord" ? "global" : identity.workspaceId;
}

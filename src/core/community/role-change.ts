import type { ChampionLevel, Role } from "../people/roles.js";
import type { CommunityTransactionStores, MemberProfile } from "../ports/membership-store.js";
import type { Platform } from "../shared/platform.js";

/** Who changes a role: a person in chat, or the operator at the terminal (no person id, no platform). */
export interface RoleChangeActor {
  personId: string | null;
  name: string;
  platform: Platform | null;
}

export interface RoleChange {
  communityId: string;
  actor: RoleChangeActor;
  target: { personId: string; displayName: string };
  role: Exclude<Role, "member">;
  /** Champions only: the level to record. */
  level?: ChampionLevel;
  /** Topics to add with the role (the terminal's --topics). */
  topics?: readonly string[];
  reason: string | null;
  at: Date;
}

export type RoleChangeResult =
  | { outcome: "changed"; profile: MemberProfile }
  /** Nothing to do (already held / not held): no write, no audit entry, like a second click. */
  | { outcome: "unchanged"; profile: MemberProfile | null }
  /** Revoking it would leave the community without an admin. */
  | { outcome: "last_admin" };

function audit(tx: CommunityTransactionStores, change: RoleChange, action: "role_granted" | "role_revoked") {
  const details: Record<string, string> = { role: change.role };
  if (change.level) details.level = change.level;
  if (change.topics && change.topics.length > 0) details.topics = change.topics.join(", ");
  return tx.audit.append({
    communityId: change.communityId,
    at: change.at,
    actorId: change.actor.personId,
    actorName: change.actor.name,
    platform: change.actor.platform,
    action,
    subjectType: "membership",
    subjectId: change.target.personId,
    subjectRef: change.target.displayName,
    reason: change.reason,
    details,
  });
}

/**
 * Grants a role inside a community unit of work: the membership change and its audit entry commit
 * together. Granting what is already held (same level, no new topics) writes nothing.
 */
export async function grantRole(
  tx: CommunityTransactionStores,
  change: RoleChange,
): Promise<RoleChangeResult> {
  const before = await tx.memberships.profile(change.communityId, change.target.personId);
  const newTopics = (change.topics ?? []).filter((topic) => !before?.topics.includes(topic));
  if (
    before?.roles.includes(change.role) &&
    (change.level === undefined || change.level === before.championLevel) &&
    newTopics.length === 0
  ) {
    return { outcome: "unchanged", profile: before };
  }
  const profile = await tx.memberships.grantRole(change.communityId, change.target.personId, change.role, {
    ...(change.level ? { level: change.level } : {}),
    topics: change.topics ?? [],
  });
  await audit(tx, change, "role_granted");
  return { outcome: "changed", profile };
}

/**
 * Revokes a role inside a community unit of work, with its audit entry. The last admin keeps
 * admin: a community nobody can administer from chat could not be repaired from chat.
 */
export async function revokeRole(
  tx: CommunityTransactionStores,
  change: RoleChange,
): Promise<RoleChangeResult> {
  const before = await tx.memberships.profile(change.communityId, change.target.personId);
  if (!before?.roles.includes(change.role)) return { outcome: "unchanged", profile: before };
  if (change.role === "admin" && (await tx.memberships.countWithRole(change.communityId, "admin")) <= 1) {
    return { outcome: "last_admin" };
  }
  const profile = await tx.memberships.revokeRole(change.communityId, change.target.personId, change.role);
  if (!profile) return { outcome: "unchanged", profile: null };
  await audit(tx, change, "role_revoked");
  return { outcome: "changed", profile };
}

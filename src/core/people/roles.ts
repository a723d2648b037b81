import { DomainError } from "../shared/domain-error.js";

export const roles = ["member", "champion", "steward", "admin"] as const;
export type Role = (typeof roles)[number];

export const championLevels = ["executive", "internal", "external"] as const;
export type ChampionLevel = (typeof championLevels)[number];

/** The person acting, resolved from a platform identity within one community. */
export interface Actor {
  personId: string;
  communityId: string;
  displayName: string;
  roles: Role[];
  /** The language replies to this person use: person choice → platform → community. */
  locale: string;
}

/** Admins may do anything a champion or steward may. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role) || actor.roles.includes("admin");
}

export function hasAnyRole(actor: Actor, wanted: readonly Role[]): boolean {
  return wanted.some((role) => hasRole(actor, role));
}

/** Throws `forbidden` with a message naming the roles that may do it. */
export function requireRole(actor: Actor, wanted: readonly Role[]): void {
  if (!hasAnyRole(actor, wanted)) {
    throw new DomainError("forbidden", "errors:forbiddenRoles", { roles: wanted.join(", ") });
  }
}

import type { Actor } from "../people/roles.js";
import type { AccessRequest } from "./access-request.js";

/** Why someone may not decide a request; null when they may. */
export type DecisionRefusal = "own_request" | "not_routed";

/**
 * Who may approve, deny or ask: the people a request was routed to (at any step so far: an
 * escalation adds deciders, it does not remove the steward), any champion once it reached the
 * champions' triage channel, and the community's admins. Never the requester, whatever their
 * roles: nobody grants themselves access. A steward of another dataset or a champion it was not
 * routed to is refused.
 */
export function decisionRefusal(
  actor: Pick<Actor, "personId" | "roles">,
  request: Pick<AccessRequest, "requesterId" | "routes">,
): DecisionRefusal | null {
  if (actor.personId === request.requesterId) return "own_request";
  if (actor.roles.includes("admin")) return null;
  if (request.routes.some((step) => step.personIds.includes(actor.personId))) return null;
  if (actor.roles.includes("champion") && request.routes.some((step) => step.level === "triage")) return null;
  return "not_routed";
}

export function mayDecide(
  actor: Pick<Actor, "personId" | "roles">,
  request: Pick<AccessRequest, "requesterId" | "routes">,
): boolean {
  return decisionRefusal(actor, request) === null;
}

import { normalizeLocale } from "../i18n/locales.js";
import type { CommunitySummary, PeopleRepository } from "../ports/people-repository.js";
import type { PlatformIdentity } from "../shared/platform.js";
import type { Actor, Role } from "./roles.js";

export interface ResolveActorDeps {
  people: PeopleRepository;
}

/**
 * Turns "user U123 on Slack team T9" into a person of a community. The local console belongs to
 * whoever runs the process, so its user starts as admin; everyone else starts as a member.
 * A caller that already looked the community up passes it: every query is a round trip the
 * acknowledging event loop pays for (bench/slack-load.ts).
 */
export async function resolveActor(
  deps: ResolveActorDeps,
  identity: PlatformIdentity,
  knownCommunity?: CommunitySummary,
): Promise<Actor> {
  const community =
    knownCommunity ?? (await deps.people.communityForWorkspace(identity.platform, identity.workspaceId));
  const initialRoles: Role[] = identity.platform === "console" ? ["member", "admin"] : ["member"];
  const person = await deps.people.findOrCreateActor(identity, community, initialRoles);
  const locale =
    normalizeLocale(person.personLocale) ??
    normalizeLocale(identity.locale ?? person.accountLocale) ??
    normalizeLocale(community.locale) ??
    "en";
  return {
    personId: person.personId,
    communityId: community.id,
    displayName: person.displayName,
    roles: person.roles,
    locale,
  };
}

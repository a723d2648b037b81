import { createDatadesk, type Datadesk } from "../../../src/core/bot/create-datadesk.js";
import type { Role } from "../../../src/core/people/roles.js";
import { type Card, cardPlainText, type FormReply } from "../../../src/core/shared/card.js";
import type { PlatformIdentity } from "../../../src/core/shared/platform.js";
import { type FakeCoreDeps, fakeCoreDeps } from "./fake-core-deps.js";

/** A small community for the core's community tests: Ada (admin), Cy and Dee (champions), Mia (member). */
export const ada: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UADA",
  displayName: "Ada",
};
export const cy: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UCY",
  displayName: "Cy",
};
export const mia: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UMIA",
  displayName: "Mia",
};
export const dee: PlatformIdentity = {
  platform: "discord",
  workspaceId: "G1",
  userId: "402000000000000001",
  displayName: "Dee",
};

export function cardOf(reply: FormReply): Card {
  if (reply.kind === "card" || reply.kind === "update") return reply.card;
  throw new Error(`expected a card, got ${reply.kind}`);
}
export const text = (reply: FormReply) => cardPlainText(cardOf(reply));

export interface CommunityWorld {
  deps: FakeCoreDeps;
  core: Datadesk;
  /** Person ids by name. */
  ids: Record<string, string>;
}

export async function communityWorld(): Promise<CommunityWorld> {
  const deps = fakeCoreDeps();
  const core = createDatadesk(deps);
  const ids: Record<string, string> = {};
  const add = async (name: string, identity: PlatformIdentity, roles: Role[]) => {
    ids[name] = await deps.people.addPerson(identity, roles);
  };
  await add("ada", ada, ["member", "admin"]);
  await add("cy", cy, ["member", "champion"]);
  await add("mia", mia, ["member"]);
  await add("dee", dee, ["member", "champion"]);
  await deps.directory.setTopics(deps.people.defaultCommunity.id, ["Transport", "Housing"]);
  return { deps, core, ids };
}

import { beforeEach, describe, expect, it } from "vitest";
import { type FakeCoreDeps, fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { createDatadesk, type Datadesk } from "../bot/create-datadesk.js";
import { cardPlainText, type FormReply } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { CLAIM_CODE_TTL_MS, issueAdminClaim } from "./admin-claim.js";

const ana: PlatformIdentity = { platform: "slack", workspaceId: "T1", userId: "UANA", displayName: "Ana" };
const ben: PlatformIdentity = {
  platform: "discord",
  workspaceId: "G1",
  userId: "402000000000000002",
  displayName: "Ben",
};

const text = (reply: FormReply) => {
  if (reply.kind !== "card") throw new Error(`expected a card, got ${reply.kind}`);
  return cardPlainText(reply.card);
};

describe("the first admin's claim code", () => {
  let deps: FakeCoreDeps;
  let core: Datadesk;
  let communityId: string;
  const admins = () => deps.memberships.countWithRole(communityId, "admin");
  const say = (who: PlatformIdentity, words: string) => core.handle(who, { kind: "message", text: words });

  beforeEach(async () => {
    deps = fakeCoreDeps();
    core = createDatadesk(deps);
    communityId = deps.people.defaultCommunity.id;
  });

  it("makes the first sender admin, audited, and refuses the same code the second time", async () => {
    const claim = await issueAdminClaim(deps, communityId);
    expect(claim?.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Only the hash is kept: the code itself is nowhere in the store.
    expect(JSON.stringify([...deps.adminClaims.claims.values()])).not.toContain(
      claim?.code.replace(/-/g, ""),
    );

    const first = await say(ana, `claim ${claim?.code.toLowerCase()}`);
    expect(text(first)).toContain("you are now an admin of");
    expect(text(first)).toContain("/datadesk setup");
    expect(await admins()).toBe(1);
    const [entry] = deps.auditLog.entries;
    expect(entry).toMatchObject({
      action: "role_granted",
      actorName: "Ana",
      platform: "slack",
      details: { role: "admin" },
    });

    const second = await say(ben, `claim ${claim?.code}`);
    expect(text(second)).toContain("already has an admin");
    const again = await say(ana, `claim ${claim?.code}`);
    expect(text(again)).toContain("already has an admin");
    expect(await admins()).toBe(1);
    expect(deps.auditLog.entries).toHaveLength(1);
  });

  it("a wrong code changes nothing and leaves the real one working", async () => {
    const claim = await issueAdminClaim(deps, communityId);
    const wrong = await say(ben, "claim AAAA-BBBB-CCCC");
    expect(text(wrong)).toContain("isn't valid");
    expect(await admins()).toBe(0);
    await say(ben, `claim ${claim?.code}`);
    expect(await admins()).toBe(1);
  });

  it("an expired code is refused, and a new start's code replaces the old one", async () => {
    const old = await issueAdminClaim(deps, communityId);
    const fresh = await issueAdminClaim(deps, communityId);
    expect(text(await say(ana, `claim ${old?.code}`))).toContain("isn't valid");
    deps.clock.set(new Date(deps.clock.now().getTime() + CLAIM_CODE_TTL_MS + 1));
    expect(text(await say(ana, `claim ${fresh?.code}`))).toContain("expired");
    expect(await admins()).toBe(0);
  });

  it("is not issued where an admin exists, and claim without a code explains itself", async () => {
    await deps.people.addPerson(ana, ["member", "admin"]);
    expect(await issueAdminClaim(deps, communityId)).toBeNull();
    expect(deps.adminClaims.claims.size).toBe(0);
    expect(text(await say(ben, "claim"))).toContain("Write claim followed by the code");
  });

  it("is not listed in help: a one-off word typed from the start-up log", async () => {
    const help = text(await core.handle(ana, { kind: "commandText", text: "help" }));
    expect(help).toContain("/datadesk setup");
    expect(help).not.toContain("claim");
  });

  it("answers in Spanish", async () => {
    const claim = await issueAdminClaim(deps, communityId);
    const reply = await say({ ...ana, locale: "es" }, `claim ${claim?.code}`);
    expect(text(reply)).toContain("ahora eres admin de");
  });
});

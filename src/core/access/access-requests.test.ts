import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AccessWorld,
  accessWorld,
  buttonsOf,
  buttonsOfCard,
  checklistValues,
  detailsValues,
  expectPrivate,
  formOf,
  recipient,
  textOf,
  who,
} from "../../../test/fakes/core/in-memory-access-world.js";
import { cardPlainText } from "../shared/card.js";
import { resolveRequestsForPublicDatasets } from "./resolve-public-datasets.js";

describe("access requests (core, over fakes)", () => {
  let world: AccessWorld;

  beforeEach(async () => {
    world = await accessWorld();
  });

  // Every test's messages obey the privacy rule: details never reach a problems or public channel.
  afterEach(() => {
    expectPrivate(world.deps.outbox.messages);
  });

  const messagesTo = (id: string) => world.deps.outbox.messages.filter((m) => recipient(m).includes(id));

  it("shows the dataset's constraints first, then a five-field form, then the checklist", async () => {
    const fromCommand = await world.handle(who.ana, { kind: "commandText", text: "request ambulance" });
    const text = textOf(fromCommand);
    expect(text).toContain("City Data License");
    expect(text).toContain("Restricted: access on request");
    expect(text).toContain("No re-identification of patients.");
    const next = buttonsOf(fromCommand).find((b) => b.actionId === "access.form");
    expect(next?.value).toBe(world.dataset("ambulance"));
    // The answer card's "Request access" carries the dataset id and leads to the same card.
    const fromButton = await world.press(who.ana, "access.start", world.dataset("ambulance"));
    expect(textOf(fromButton)).toBe(text);

    const details = formOf(await world.press(who.ana, "access.form", world.dataset("ambulance")));
    expect(details.fields.map((f) => f.id)).toEqual([
      "purpose",
      "intended_use",
      "organisation",
      "problem",
      "duration",
    ]);
    const stepOne = await world.submit(who.ana, "access.details", details.context, detailsValues);
    const cont = buttonsOf(stepOne).find((b) => b.actionId === "access.checklist");
    if (!cont) throw new Error(textOf(stepOne));
    const checklist = formOf(await world.press(who.ana, "access.checklist", cont.value));
    expect(checklist.fields.map((f) => f.id)).toEqual([
      "personal_data",
      "third_parties",
      "retention",
      "derived_published",
      "terms",
    ]);
    expect(checklist.fields.length).toBeLessThanOrEqual(5);
    const noTerms = await world.submit(who.ana, "access.checklist", cont.value, {
      ...checklistValues,
      terms: "false",
    });
    expect(noTerms.kind).toBe("errors");
    if (noTerms.kind === "errors") expect(Object.keys(noTerms.errors)).toEqual(["terms"]);
    const sent = await world.submit(who.ana, "access.checklist", cont.value, checklistValues);
    expect(textOf(sent)).toMatch(
      /Request AR-1 for Ambulance Response Times was sent to the dataset's steward\./,
    );
    // A receipt by DM too, naming a role, never the steward.
    const receipt = messagesTo("UANA").map((m) => cardPlainText(m.card));
    expect(receipt).toEqual([expect.stringMatching(/AR-1 .*sent to the dataset's steward\.$/)]);
    expect(receipt[0]).not.toMatch(/Dana|UDANA/);
    // A double submit files once.
    const again = await world.submit(who.ana, "access.checklist", cont.value, checklistValues);
    expect(textOf(again)).toMatch(/already sent or cancelled/);
    expect(await world.deps.accessRequests.list({ communityId: world.communityId, limit: 10 })).toHaveLength(
      1,
    );
  });

  it("checks each field of step one and keeps what was typed", async () => {
    const reply = await world.submit(who.ana, "access.details", world.dataset("ambulance"), {
      ...detailsValues,
      purpose: "data",
      problem: "#99",
      duration: "24",
    });
    expect(reply.kind).toBe("errors");
    if (reply.kind !== "errors") return;
    expect(Object.keys(reply.errors).sort()).toEqual(["duration", "purpose"]);
    expect(reply.retry?.fields.find((f) => f.id === "organisation")?.initialValue).toBe(
      detailsValues.organisation,
    );
    const noProblem = await world.submit(who.ana, "access.details", world.dataset("ambulance"), {
      ...detailsValues,
      problem: "#99",
    });
    expect(noProblem.kind === "errors" && noProblem.errors.problem).toBe("There is no problem #99.");
  });

  it("says a public dataset needs no request, and refuses a second open request for the same dataset", async () => {
    expect(textOf(await world.press(who.ana, "access.start", world.dataset("bikes")))).toMatch(/is public/);
    await world.fileRequest();
    const card = await world.press(who.ana, "access.start", world.dataset("ambulance"));
    expect(textOf(card)).toMatch(/already have an open request for this dataset: AR-1/);
    expect(textOf(await world.press(who.ana, "access.form", world.dataset("ambulance")))).toMatch(/AR-1/);
    // Made public between the two steps: nothing is filed.
    const stepOne = await world.submit(who.ben, "access.details", world.dataset("clinics"), detailsValues);
    const draftId = buttonsOf(stepOne).find((b) => b.actionId === "access.checklist")?.value ?? "";
    await world.resync({ clinics: { accessLevel: "public" } });
    const late = await world.submit(who.ben, "access.checklist", draftId, checklistValues);
    expect(textOf(late)).toMatch(/Clinic Inspections is public/);
    expect(await world.deps.accessRequests.list({ communityId: world.communityId, limit: 10 })).toHaveLength(
      1,
    );
  });

  it("routes to the steward, then the catalog contact, then a topic champion, then the triage channel", async () => {
    const steward = await world.fileRequest(who.ana, "ambulance");
    expect(textOf(steward.reply)).toMatch(/sent to the dataset's steward/);
    expect(messagesTo("UDANA").map((m) => m.target.kind)).toEqual(["user"]);

    // The clinics contact's email belongs to Eve.
    world.deps.stewards.setEmail(world.communityId, world.ids.eve, "Clinics@City.example");
    const contact = await world.fileRequest(who.ana, "clinics");
    expect(textOf(contact.reply)).toMatch(/sent to the dataset's catalog contact/);
    expect(messagesTo("600")).toHaveLength(1);

    // Nobody for clinics once Eve files herself: the requester is never routed to; Health's champion is next.
    const champion = await world.fileRequest(who.eve, "clinics");
    expect(textOf(champion.reply)).toMatch(/sent to a Health champion/);
    expect(textOf(champion.reply)).not.toMatch(/Chen|UCHEN|@/);

    world.deps.stewards.stewards.clear();
    const triage = await world.fileRequest(who.ben, "parking");
    expect(textOf(triage.reply)).toMatch(/sent to the champions' triage channel/);
    const posts = world.deps.outbox.messages.filter((m) => m.target.kind === "channel");
    expect(posts.map(recipient).sort()).toEqual(["801", "CTRI"]);
    expect(posts.every((m) => m.anchor?.key.startsWith(`access:${triage.requestId}:review:`))).toBe(true);
  });

  it("runs request → needs info → answer → approve with expiry, telling the requester at each step", async () => {
    const { requestId } = await world.fileRequest();
    const [card] = messagesTo("UDANA");
    if (!card) throw new Error("steward not told");
    expect(buttonsOfCard(card.card).map((b) => b.actionId)).toEqual([
      "access.approve",
      "access.ask",
      "access.deny",
    ]);
    expect(cardPlainText(card.card)).toContain(detailsValues.purpose);

    formOf(await world.press(who.dana, "access.ask", requestId));
    await world.submit(who.dana, "access.ask", requestId, { question: "Which years do you need?" });
    const question = messagesTo("UANA").find((m) =>
      cardPlainText(m.card).includes("Which years do you need?"),
    );
    expect(question && buttonsOfCard(question.card).map((b) => b.actionId)).toEqual(["access.answer"]);
    expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("needs_info");

    expect(textOf(await world.press(who.ben, "access.answer", requestId))).toMatch(
      /Only the person who asked/,
    );
    formOf(await world.press(who.ana, "access.answer", requestId));
    await world.submit(who.ana, "access.answer", requestId, { answer: "2019 to 2025" });
    expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("pending");
    const answered = messagesTo("UDANA").find(
      (m) => m.target.kind === "user" && cardPlainText(m.card).includes("2019 to 2025"),
    );
    expect(answered).toBeDefined();

    const approve = formOf(await world.press(who.dana, "access.approve", requestId));
    expect(approve.fields.find((f) => f.id === "expires")?.initialValue).toBe("2027-02-20");
    const past = await world.submit(who.dana, "access.approve", requestId, {
      expires: "2026-11-20",
      conditions: "",
    });
    expect(past.kind).toBe("errors");
    const approved = await world.submit(who.dana, "access.approve", requestId, {
      expires: "2027-02-28",
      conditions: "Aggregate to district level before publishing.",
    });
    expect(textOf(approved)).toMatch(/AR-1 approved until 2027-02-28/);
    const dm = messagesTo("UANA").find((m) => cardPlainText(m.card).includes("approved by Dana"));
    expect(dm && cardPlainText(dm.card)).toContain("Aggregate to district level");
    // Dana's card is edited in place: "Approved by Dana", no buttons left.
    const edits = world.deps.outbox.messages.filter((m) => m.target.kind === "anchor");
    const last = edits[edits.length - 1];
    expect(last && cardPlainText(last.card)).toMatch(
      /Approved by Dana on 2026-11-20\. Access until 2027-02-28\./,
    );
    expect(last && buttonsOfCard(last.card)).toEqual([]);
    expect(new Set(edits.map((m) => m.anchor?.version)).size).toBe(edits.length);

    // A second approve (double click, retried event) changes nothing, not even the audit log.
    const before = { messages: world.deps.outbox.messages.length, audit: world.deps.auditLog.entries.length };
    const twice = await world.submit(who.dana, "access.approve", requestId, {
      expires: "2027-03-31",
      conditions: "",
    });
    expect(textOf(twice)).toMatch(/AR-1 is already Approved by Dana\. Nothing changed\./);
    expect(textOf(await world.press(who.dana, "access.approve", requestId))).toMatch(/already Approved/);
    expect(world.deps.outbox.messages.length).toBe(before.messages);
    expect(world.deps.auditLog.entries.length).toBe(before.audit);
    expect((await world.deps.accessRequests.byId(requestId))?.decision?.expiresOn).toBe("2027-02-28");

    expect(world.deps.auditLog.actionsOf(requestId)).toEqual([
      "submitted",
      "routed",
      "info_requested",
      "info_provided",
      "approved",
    ]);
  });

  it("requires a reason to deny, and tells the requester why", async () => {
    const { requestId } = await world.fileRequest();
    const empty = await world.submit(who.dana, "access.deny", requestId, { reason: " " });
    expect(empty.kind).toBe("errors");
    expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("pending");
    const denied = await world.submit(who.dana, "access.deny", requestId, {
      reason: "Patient-level data cannot leave the city.",
    });
    expect(textOf(denied)).toMatch(/AR-1 denied/);
    const dm = messagesTo("UANA").find((m) => cardPlainText(m.card).includes("denied by Dana"));
    expect(dm && cardPlainText(dm.card)).toContain("Patient-level data cannot leave the city.");
    expect(textOf(await world.press(who.dana, "access.approve", requestId))).toMatch(/already Denied/);
  });

  it("lists the requester's requests and the ones waiting for a steward; the requester can withdraw", async () => {
    const { requestId } = await world.fileRequest();
    const mine = await world.handle(who.ana, { kind: "commandText", text: "requests" });
    expect(textOf(mine)).toMatch(
      /AR-1 Ambulance Response Times · Waiting for a decision \(the dataset's steward\)/,
    );
    const dana = await world.handle(who.dana, { kind: "commandText", text: "requests" });
    expect(textOf(dana)).toMatch(/Waiting for your decision/);
    expect(buttonsOf(dana).find((b) => b.actionId === "access.review")?.value).toBe(requestId);
    expect(textOf(await world.handle(who.sam, { kind: "command", name: "requests", args: {} }))).not.toMatch(
      /AR-1/,
    );
    expect(textOf(await world.press(who.sam, "access.review", requestId))).toMatch(/Only the stewards/);

    expect(textOf(await world.press(who.ben, "access.withdraw", requestId))).toMatch(
      /Only the person who asked/,
    );
    const withdrawn = await world.press(who.ana, "access.withdraw", requestId);
    expect(textOf(withdrawn)).toMatch(/AR-1 withdrawn/);
    const edit = world.deps.outbox.messages.filter((m) => m.target.kind === "anchor").pop();
    expect(edit && cardPlainText(edit.card)).toMatch(/Withdrawn by the requester/);
    expect(textOf(await world.press(who.ana, "access.withdraw", requestId))).toMatch(
      /can't be withdrawn: it is Withdrawn/,
    );
    expect(textOf(await world.press(who.dana, "access.approve", requestId))).toMatch(/already Withdrawn/);
  });

  it("closes pending requests when a sync makes their dataset public, and tells the requester once", async () => {
    const { requestId } = await world.fileRequest();
    const parking = await world.fileRequest(who.ben, "parking");
    await world.resync({ ambulance: { accessLevel: "public" } });
    const ids = [world.dataset("ambulance"), world.dataset("parking")];
    expect(
      await resolveRequestsForPublicDatasets(world.deps, world.communityId, ids, world.deps.clock.now()),
    ).toBe(1);
    expect(
      await resolveRequestsForPublicDatasets(world.deps, world.communityId, ids, world.deps.clock.now()),
    ).toBe(0);
    expect((await world.deps.accessRequests.byId(requestId))?.status).toBe("resolved_public");
    expect((await world.deps.accessRequests.byId(parking.requestId))?.status).toBe("pending");
    const dms = messagesTo("UANA").filter((m) => cardPlainText(m.card).includes("is now public"));
    expect(dms).toHaveLength(1);
    expect(world.deps.auditLog.actionsOf(requestId)).toEqual(["submitted", "routed", "auto_resolved"]);
  });

  it("keeps typed text as data on every card: no mentions, no markup from requesters", async () => {
    await world.fileRequest(who.ana, "ambulance", {
      ...detailsValues,
      purpose: "@everyone <!channel> <@U123> [click](http://evil.example) purpose text",
    });
    for (const message of world.deps.outbox.messages)
      expect(JSON.stringify(message.card)).not.toContain('"mention"');
    const review = world.deps.outbox.messages.find((m) => m.anchor?.key.includes(":review:"));
    expect(review && cardPlainText(review.card)).toContain(
      "@everyone <!channel> <@U123> [click](http://evil.example)",
    );
  });
});

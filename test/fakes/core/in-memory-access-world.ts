import { expect } from "vitest";
import { createDatadesk, type Datadesk } from "../../../src/core/bot/create-datadesk.js";
import type { NormalizedDataset } from "../../../src/core/catalog/dataset.js";
import type { OutboundMessage } from "../../../src/core/ports/outbox.js";
import { cardSchema, type FormReply } from "../../../src/core/shared/card.js";
import { formSchema } from "../../../src/core/shared/form.js";
import type { PlatformIdentity } from "../../../src/core/shared/platform.js";
import { buttonsOf, buttonsOfCard, formOf, textOf } from "../../support/core-replies.js";
import { datasetFixture } from "./dataset-fixture.js";
import { FakeClock } from "./fake-clock.js";
import { type FakeCoreDeps, fakeCoreDeps } from "./fake-core-deps.js";
import { type FakeAccessDeps, withAccessFakes } from "./in-memory-access-deps.js";
import { InMemoryPeopleRepository } from "./in-memory-people-repository.js";

/**
 * One community for access-request tests: a catalog with restricted and public datasets, a
 * requester, the dataset's steward, a steward of something else, a Health champion, an admin and a
 * plain member, problems and triage channels on Slack and Discord. Requests go through the real
 * createDatadesk (the test file mocks the route tables with the access routes until they are wired).
 */

export const who = {
  ana: { platform: "slack", workspaceId: "T1", userId: "UANA", displayName: "Ana", channelId: "CGEN" },
  dana: { platform: "slack", workspaceId: "T1", userId: "UDANA", displayName: "Dana" },
  sam: { platform: "discord", workspaceId: "G1", userId: "500", displayName: "Sam" },
  chen: { platform: "slack", workspaceId: "T1", userId: "UCHEN", displayName: "Chen" },
  ada: { platform: "slack", workspaceId: "T1", userId: "UADMIN", displayName: "Ada" },
  ben: { platform: "discord", workspaceId: "G1", userId: "200", displayName: "Ben" },
  eve: { platform: "discord", workspaceId: "G1", userId: "600", displayName: "Eve" },
} satisfies Record<string, PlatformIdentity>;

export const channels = { problems: ["CPROB", "800"], triage: ["CTRI", "801"] };

export const detailsValues = {
  purpose: "Find the districts where ambulances take longest to arrive at night",
  intended_use: "An annual report for the district council with maps per district",
  organisation: "North District Residents' Association",
  problem: "",
  duration: "3",
};

export const checklistValues = {
  personal_data: "no",
  third_parties: "no",
  retention: "Kept on an encrypted drive and deleted when the report is out.",
  derived_published: "yes",
  terms: "true",
};

const catalogRecords = (overrides: Partial<Record<string, Partial<NormalizedDataset>>> = {}) => [
  datasetFixture({
    key: "ambulance",
    title: "Ambulance Response Times",
    description: "Response times of every ambulance call.",
    accessLevel: "restricted public",
    themes: ["Health"],
    contactEmail: "ems@city.example",
    licenseTitle: "City Data License",
    usageNotes: ["No re-identification of patients.", "Cite the Fire Department."],
    landingPage: "https://data.city.example/ambulance",
    ...overrides.ambulance,
  }),
  datasetFixture({
    key: "clinics",
    title: "Clinic Inspections",
    description: "Inspections of clinics.",
    accessLevel: "non-public",
    keywords: ["health"],
    contactEmail: "clinics@city.example",
    ...overrides.clinics,
  }),
  datasetFixture({
    key: "parking",
    title: "Parking Permits",
    description: "Residential parking permits.",
    accessLevel: "restricted public",
    ...overrides.parking,
  }),
  datasetFixture({ key: "bikes", title: "Bike Racks", description: "Bike racks.", accessLevel: "public" }),
];

export interface AccessWorld {
  deps: FakeCoreDeps & FakeAccessDeps;
  core: Datadesk;
  communityId: string;
  ids: Record<keyof typeof who, string>;
  dataset: (key: string) => string;
  /** Re-syncs the catalog with some datasets changed (e.g. made public). */
  resync: (overrides: Partial<Record<string, Partial<NormalizedDataset>>>) => Promise<void>;
  handle: (identity: PlatformIdentity, request: Parameters<Datadesk["handle"]>[1]) => Promise<FormReply>;
  press: (identity: PlatformIdentity, actionId: string, value: string) => Promise<FormReply>;
  submit: (
    identity: PlatformIdentity,
    formId: string,
    context: string,
    values: Record<string, string>,
  ) => Promise<FormReply>;
  /** Both form steps; returns the reply to the second. */
  fileRequest: (
    identity?: PlatformIdentity,
    datasetKey?: string,
    details?: Record<string, string>,
  ) => Promise<{ reply: FormReply; requestId: string }>;
}

export async function accessWorld(options: { timezone?: string; start?: string } = {}): Promise<AccessWorld> {
  const clock = new FakeClock(options.start ?? "2026-11-20T22:00:00Z");
  const people = new InMemoryPeopleRepository({ timezone: options.timezone ?? "UTC" }, clock);
  const deps = withAccessFakes(fakeCoreDeps({ clock, people }));
  const core = createDatadesk(deps);
  const communityId = people.defaultCommunity.id;
  await deps.directory.setTopics(communityId, ["Health", "Transport"]);
  await deps.directory.setChannel(communityId, "slack", "T1", "problems", "CPROB");
  await deps.directory.setChannel(communityId, "slack", "T1", "triage", "CTRI");
  await deps.directory.setChannel(communityId, "discord", "G1", "problems", "800");
  await deps.directory.setChannel(communityId, "discord", "G1", "triage", "801");
  const ids = {
    ana: await people.addPerson(who.ana),
    dana: await people.addPerson(who.dana, ["member", "steward"]),
    sam: await people.addPerson(who.sam, ["member", "steward"]),
    chen: await people.addPerson(who.chen, ["member", "champion"]),
    ada: await people.addPerson(who.ada, ["member", "admin"]),
    ben: await people.addPerson(who.ben),
    eve: await people.addPerson(who.eve),
  };
  people.grant(ids.chen, communityId, "champion", ["Health"]);

  const sync = (overrides: Partial<Record<string, Partial<NormalizedDataset>>> = {}) =>
    deps.catalogStore
      .syncCatalog(
        { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
        (async function* () {
          for (const dataset of catalogRecords(overrides)) yield { ok: true as const, dataset };
        })(),
        clock.now(),
      )
      .then(() => undefined);
  await sync();
  const dataset = (key: string) => {
    const found = [...deps.catalogStore.datasets.values()].find((d) => d.dataset.key === key);
    if (!found) throw new Error(`no dataset ${key}`);
    return found.id;
  };
  // Dana stewards the ambulance data; Sam stewards parking.
  deps.stewards.name(communityId, dataset("ambulance"), ids.dana);
  deps.stewards.name(communityId, dataset("parking"), ids.sam);

  const handle = (identity: PlatformIdentity, request: Parameters<Datadesk["handle"]>[1]) =>
    core.handle(identity, request).then(checked);
  const press = (identity: PlatformIdentity, actionId: string, value: string) =>
    handle(identity, { kind: "action", actionId, value });
  const submit = (
    identity: PlatformIdentity,
    formId: string,
    context: string,
    values: Record<string, string>,
  ) => handle(identity, { kind: "form", formId, context, values });
  const fileRequest = async (
    identity: PlatformIdentity = who.ana,
    datasetKey = "ambulance",
    details: Record<string, string> = detailsValues,
  ) => {
    const first = await submit(identity, "access.details", dataset(datasetKey), details);
    const draft = buttonsOf(first).find((b) => b.actionId === "access.checklist");
    if (!draft) throw new Error(`step one failed: ${textOf(first)}`);
    const reply = await submit(identity, "access.checklist", draft.value, checklistValues);
    const requestId = buttonsOf(reply).find((b) => b.actionId === "access.withdraw")?.value ?? "";
    return { reply, requestId };
  };
  return { deps, core, communityId, ids, dataset, resync: sync, handle, press, submit, fileRequest };
}

/** Every reply's card and form must be valid for the renderers. */
function checked(reply: FormReply): FormReply {
  if (reply.kind === "card" || reply.kind === "update") cardSchema.parse(reply.card);
  if (reply.kind === "update" && reply.notice) cardSchema.parse(reply.notice);
  if (reply.kind === "form") formSchema.parse(reply.form);
  if (reply.kind === "errors" && reply.retry) formSchema.parse(reply.retry);
  return reply;
}

export { buttonsOf, buttonsOfCard, formOf, textOf };

export function recipient(message: OutboundMessage): string {
  const target = message.target;
  if (target.kind === "user") return target.userId;
  return target.kind === "channel" || target.kind === "thread" ? target.channelId : target.key;
}

/**
 * The privacy rule over every message an access test produced: request details go only to DMs,
 * the private triage channels, or edits of review cards first posted there; never to a problems
 * channel or any other channel.
 */
export function expectPrivate(messages: readonly OutboundMessage[]): void {
  for (const message of messages) {
    const target = message.target;
    const where = `${message.dedupeKey} → ${recipient(message)}`;
    if (target.kind === "channel") expect(channels.triage, where).toContain(target.channelId);
    if (target.kind === "anchor")
      expect(target.key, where).toMatch(
        /^access:[0-9a-f-]{36}:review:(slack|discord):(user:[^:]+|channel:(CTRI|801))$/,
      );
    // Compare whole ids (an anchor key's segments), never substrings: a random uuid may hold "800".
    const ids = target.kind === "anchor" ? target.key.split(":") : [recipient(message)];
    for (const problemsChannel of channels.problems) expect(ids, where).not.toContain(problemsChannel);
  }
}

/**
 * The real core (createDatadesk) over the in-memory fakes of test/fakes/core, with a small
 * catalog (some of it hostile) and a logger that records what the core calls unexpected. Shared
 * by the core, Slack and Discord fuzz targets: state (people, problems, drafts) accumulates over
 * the cases, as it does in a running bot.
 */
import { createDatadesk, type Datadesk } from "../../src/core/bot/create-datadesk.js";
import type { NormalizedDataset } from "../../src/core/catalog/dataset.js";
import type { Logger } from "../../src/core/ports/logger.js";
import { type Card, cardPlainText, type FormReply } from "../../src/core/shared/card.js";
import { datasetFixture } from "../fakes/core/dataset-fixture.js";
import { type FakeCoreDeps, fakeCoreDeps } from "../fakes/core/fake-core-deps.js";
import { cardsOf } from "../support/core-replies.js";
import { assertNoStackTrace, FuzzViolation } from "./fuzz-target.js";

export interface FuzzCore {
  core: Datadesk;
  deps: FakeCoreDeps;
  /** Everything the core logged at error level since the last `takeErrors()`. */
  takeErrors(): { obj: object; msg: string | undefined }[];
}

const DATASETS: NormalizedDataset[] = [
  datasetFixture({
    key: "bike-lanes",
    title: "Bike Lanes",
    keywords: ["bicycle", "transportation"],
    contactName: "Streets Department",
    contactEmail: "streets@example.org",
    accrualPeriodicity: "R/P1M",
    modified: new Date("2024-01-15T00:00:00Z"),
  }),
  datasetFixture({ key: "311-requests", title: "311 Service Requests", keywords: ["311", "complaints"] }),
  datasetFixture({ key: "permits", title: "Building Permits", licenseTitle: "CC BY 4.0" }),
  // What a hostile catalog can hold: markup and mentions in every text field.
  datasetFixture({
    key: "<!channel>",
    title: "<!channel> @everyone [click](https://evil.example) `code` \u202Eevil",
    description: "<script>alert(1)</script> {{name}} $t(errors:unavailable) \u0000",
    publisher: "<@U0FAKEBOT>",
    keywords: ["@here", "||x||"],
  }),
];

let shared: Promise<FuzzCore> | null = null;

/** One core per process (the fuzz runs share it); created on first use. */
export function fuzzCore(): Promise<FuzzCore> {
  shared ??= createFuzzCore();
  return shared;
}

async function createFuzzCore(): Promise<FuzzCore> {
  let errors: { obj: object; msg: string | undefined }[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn() {},
    error(obj, msg) {
      errors.push({ obj, msg });
    },
  };
  const deps = fakeCoreDeps({ logger });
  await deps.catalogStore.syncCatalog(
    {
      communityId: deps.people.defaultCommunity.id,
      name: "fuzz-catalog",
      kind: "dcat",
      location: "https://data.example.org/data.json",
      syncIntervalMinutes: null,
    },
    (async function* () {
      for (const dataset of DATASETS) yield { ok: true as const, dataset };
    })(),
    new Date("2024-06-01T00:00:00Z"),
  );
  return {
    core: createDatadesk(deps),
    deps,
    takeErrors() {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

const REPLY_KINDS = new Set(["card", "update", "form", "none", "errors"]);

export { cardsOf };

/**
 * A reply is well formed, and nothing in it (cards, form error texts) shows internals. `input`
 * is what the person sent, so echoing it back is not mistaken for a leak.
 */
export function checkReply(reply: unknown, input: string, where: string): Card[] {
  if (
    typeof reply !== "object" ||
    reply === null ||
    !REPLY_KINDS.has((reply as { kind?: string }).kind ?? "")
  )
    throw new FuzzViolation(
      `${where} answered something that is not a reply: ${String(reply).slice(0, 100)}`,
    );
  const typed = reply as FormReply;
  const cards = cardsOf(typed);
  for (const card of cards) {
    let text: string;
    try {
      text = `${card.fallbackText}\n${cardPlainText(card)}`;
    } catch (error) {
      throw new FuzzViolation(`${where} answered a card that cannot be read: ${String(error)}`);
    }
    assertNoStackTrace(text, input, where);
  }
  if (typed.kind === "errors") assertNoStackTrace(Object.values(typed.errors).join("\n"), input, where);
  return cards;
}

/** Unexpected errors the core caught and logged are crashes too: its safety net hid them. */
export function assertNoUnexpectedErrors(harness: FuzzCore, where: string): void {
  const errors = harness.takeErrors();
  const first = errors[0];
  if (!first) return;
  const err = (first.obj as { err?: unknown }).err;
  const detail =
    err instanceof Error ? `${err.name}: ${err.message}` : JSON.stringify(first.obj).slice(0, 200);
  throw new FuzzViolation(
    `${where} logged an unexpected error (${first.msg ?? "?"}): ${detail.slice(0, 300)}`,
    {
      cause: err,
    },
  );
}

/**
 * One fuzz target per registered route (src/core/bot/routes.ts): each command, each button and
 * each form handler, so every one gets its own share of cases and its own line in the census
 * (the generic handle() target spreads its cases over everything). Requests come from the crawl's
 * cast (a member, a submitter, a champion, an admin) or from anyone, carrying what the crawl saw
 * (real draft, showcase, problem and request ids; each form's own context and field ids) or
 * hostile text instead: malformed, oversized (clipped to the 4 000 characters the inbound schema
 * allows), wrong-typed, unicode-heavy, with mentions and markup.
 *
 * Beyond "never throws, no internals in chat, nothing the safety net had to catch", a reply's
 * cards and forms must be ones the platforms can show (card and form schemas), and anything the
 * request put in the outbox must be a valid outbound message.
 */
import fc from "fast-check";
import { type InboundRequest, inboundRequestSchema } from "../../src/core/bot/inbound-request.js";
import { actionHandlers, commandHandlers, formHandlers } from "../../src/core/bot/routes.js";
import { commandRegistry } from "../../src/core/commands/registry.js";
import { outboundMessageSchema } from "../../src/core/ports/outbox.js";
import { cardSchema, type FormReply } from "../../src/core/shared/card.js";
import { type Form, type FormValues, formSchema } from "../../src/core/shared/form.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { hostileFragment, hostileShortText, hostileText } from "./arbitraries.js";
import { assertNoUnexpectedErrors, checkReply, type FuzzCore, fuzzCore } from "./core-harness.js";
import { identity as anyIdentity } from "./core-targets.js";
import { type FuzzTarget, FuzzViolation, fuzzTarget, mustNotThrow } from "./fuzz-target.js";
import { CAST_LIST, type CrawlFindings, crawl, PACE_MS, plausibleValues } from "./route-crawl.js";

/** Crawl again (before a target) once this many cases ran, so fresh drafts and showcases turn up. */
const RECRAWL_AFTER = 400;
const MAX_VALUE = 4_000;

interface World {
  harness: FuzzCore;
  findings: CrawlFindings;
}
let world: Promise<World> | null = null;
let casesSinceCrawl = 0;

/** The shared core, crawled once before the first case. */
export function routeWorld(): Promise<World> {
  world ??= (async () => {
    const harness = await fuzzCore();
    const findings: CrawlFindings = { actionValues: new Map(), forms: new Map() };
    // Channels, so problem and showcase cards are posted (with their buttons) for the crawl.
    const communityId = harness.deps.people.defaultCommunity.id;
    for (const [purpose, channelId] of [
      ["problems", "C0FUZZPROBLEMS"],
      ["triage", "C0FUZZTRIAGE"],
      ["showcases", "C0FUZZSHOWCASES"],
    ] as const)
      await harness.deps.directory.setChannel(communityId, "slack", "T0FAKETEAM", purpose, channelId);
    await crawl(harness, findings, 800);
    return { harness, findings };
  })();
  return world;
}

/** Before each route target (untimed): the first crawl, or a short one after many cases. */
async function prepare(): Promise<void> {
  const fresh = world === null;
  const current = await routeWorld();
  if (!fresh && casesSinceCrawl >= RECRAWL_AFTER) {
    await crawl(current.harness, current.findings, 150);
    casesSinceCrawl = 0;
  }
}

async function caseWorld(): Promise<World> {
  casesSinceCrawl += 1;
  return routeWorld();
}

const pick = <T>(pool: readonly T[], n: number): T | undefined => pool[n % Math.max(1, pool.length)];

const who: fc.Arbitrary<PlatformIdentity> = fc.oneof(
  { arbitrary: fc.constantFrom(...CAST_LIST), weight: 4 },
  { arbitrary: anyIdentity, weight: 1 },
);

/** Text for one value: hostile (clipped to what the inbound schema lets through) or empty. */
const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText.map((t) => t.slice(0, MAX_VALUE)), weight: 6 },
  {
    arbitrary: fc.constantFrom("", " ", "\n", "0", "-1", "true", "null", "S1", "#1", "#-1", "S999999999"),
    weight: 2,
  },
  { arbitrary: fc.uuid().map((u) => u), weight: 1 },
);

/** Either something the crawl saw (by index) or hostile text. */
const seenOr = (hostile: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: fc.nat().map((n) => ({ seen: n }) as const), weight: 3 },
    { arbitrary: hostile.map((text) => ({ text }) as const), weight: 2 },
  );

type SeenOr = { seen: number } | { text: string };
const resolve = (choice: SeenOr, pool: readonly string[]): string =>
  "seen" in choice ? (pick(pool, choice.seen) ?? "") : choice.text;

/** Runs one request and judges everything it produced. */
async function judge(harness: FuzzCore, identity: PlatformIdentity, candidate: InboundRequest) {
  const parsed = inboundRequestSchema.safeParse(candidate);
  if (!parsed.success) return; // adapters never pass it on
  harness.deps.clock.advanceMs(PACE_MS);
  const outboxBefore = harness.deps.outbox.messages.length;
  harness.takeErrors();
  const reply = await mustNotThrow("handle", () => harness.core.handle(identity, parsed.data));
  const input = `${JSON.stringify(candidate)} ${JSON.stringify(identity)}`;
  const cards = checkReply(reply, input, `${candidate.kind}`);
  for (const card of cards) {
    const valid = cardSchema.safeParse(card);
    if (!valid.success)
      throw new FuzzViolation(`replied with a card no platform can show: ${valid.error.issues[0]?.message}`);
  }
  const typed = reply as FormReply;
  const form = typed.kind === "form" ? typed.form : typed.kind === "errors" ? typed.retry : undefined;
  if (form) {
    const valid = formSchema.safeParse(form);
    if (!valid.success)
      throw new FuzzViolation(
        `answered a form no platform can show: ${valid.error.issues[0]?.path.join(".")} ${valid.error.issues[0]?.message}`,
      );
  }
  for (const message of harness.deps.outbox.messages.slice(outboxBefore)) {
    const valid = outboundMessageSchema.safeParse(message);
    if (!valid.success)
      throw new FuzzViolation(`queued an invalid outbound message: ${valid.error.issues[0]?.message}`);
  }
  assertNoUnexpectedErrors(harness, candidate.kind);
}

function commandTarget(name: string): FuzzTarget {
  const options = commandRegistry.find((c) => c.name === name)?.options.map((o) => o.name) ?? [];
  const argValue = fc.oneof(
    { arbitrary: hostileValue, weight: 4 },
    { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()), weight: 1 },
  );
  return fuzzTarget({
    name: `route: command ${name}`,
    prepare,
    arbitrary: fc.record({
      identity: who,
      typed: fc.boolean(),
      text: hostileValue,
      args: fc.dictionary(
        fc.oneof(fc.constantFrom(...(options.length > 0 ? options : ["x"])), hostileShortText),
        argValue,
        { maxKeys: Math.max(2, options.length + 1) },
      ),
    }),
    async check(input: {
      identity: PlatformIdentity;
      typed: boolean;
      text: string;
      args: Record<string, string | number | boolean>;
    }) {
      const { harness } = await caseWorld();
      const request: InboundRequest = input.typed
        ? { kind: "commandText", text: `${name} ${input.text}`.slice(0, MAX_VALUE) }
        : { kind: "command", name, args: input.args };
      await judge(harness, input.identity, request);
    },
  });
}

function actionTarget(actionId: string): FuzzTarget {
  return fuzzTarget({
    name: `route: action ${actionId}`,
    prepare,
    arbitrary: fc.record({
      identity: who,
      value: seenOr(fc.oneof(hostileShortText, fc.uuid(), hostileFragment).map((t) => t.slice(0, 58))),
    }),
    async check(input: { identity: PlatformIdentity; value: SeenOr }) {
      const { harness, findings } = await caseWorld();
      const pool = [...(findings.actionValues.get(actionId) ?? [])];
      await judge(harness, input.identity, { kind: "action", actionId, value: resolve(input.value, pool) });
    },
  });
}

/** What each field gets: the form's own plausible value, hostile text, or nothing at all. */
const fieldChoice = fc.oneof(
  { arbitrary: fc.constant({ plausible: true } as const), weight: 2 },
  { arbitrary: fc.constant({ missing: true } as const), weight: 1 },
  { arbitrary: hostileValue.map((text) => ({ text })), weight: 4 },
);
type FieldChoice = { plausible: true } | { missing: true } | { text: string };

function formValues(form: Form | undefined, choices: readonly FieldChoice[], extra: FormValues): FormValues {
  const plausible = form ? plausibleValues(form) : {};
  const values: FormValues = { ...extra };
  (form?.fields ?? []).forEach((field, i) => {
    const choice = choices[i % Math.max(1, choices.length)] ?? { missing: true };
    if ("missing" in choice) delete values[field.id];
    else values[field.id] = "plausible" in choice ? (plausible[field.id] ?? "") : choice.text;
  });
  return values;
}

function formTarget(formId: string): FuzzTarget {
  return fuzzTarget({
    name: `route: form ${formId}`,
    prepare,
    arbitrary: fc.record({
      identity: who,
      form: fc.nat(),
      context: seenOr(
        fc.oneof(
          hostileShortText,
          fc.uuid(),
          fc.constantFrom("", "new", "d:", "d:00000000-0000-0000-0000-000000000000"),
        ),
      ),
      choices: fc.array(fieldChoice, { minLength: 1, maxLength: 10 }),
      extra: fc.dictionary(
        fc.oneof(
          hostileShortText.map((k) => k.slice(0, 30)),
          fc.constantFrom("__proto__", "constructor", "x"),
        ),
        hostileValue,
        { maxKeys: 2 },
      ),
    }),
    async check(input: {
      identity: PlatformIdentity;
      form: number;
      context: SeenOr;
      choices: FieldChoice[];
      extra: FormValues;
    }) {
      const { harness, findings } = await caseWorld();
      const seen = findings.forms.get(formId) ?? [];
      const form = pick(seen, input.form);
      const context = resolve(
        input.context,
        seen.map((f) => f.context),
      ).slice(0, 58);
      const values = formValues(form, input.choices, input.extra);
      await judge(harness, input.identity, { kind: "form", formId, context, values });
    },
  });
}

export const routeTargets: readonly FuzzTarget[] = [
  ...Object.keys(commandHandlers).map(commandTarget),
  ...Object.keys(actionHandlers).map(actionTarget),
  ...Object.keys(formHandlers).map(formTarget),
];

/**
 * Fuzz targets for the core's own parsing: command text (parse-command-text.ts), the
 * InboundRequest schema every adapter validates with, and `createDatadesk().handle` with any
 * request that schema accepts, from any identity. `handle` promises never to throw and to turn
 * any failure into a calm reply: here a crash is a throw, a reply of the wrong shape, internals
 * in the reply's text, or an unexpected error the core caught and logged (its safety net hid a bug).
 */
import fc from "fast-check";
import { inboundRequestSchema } from "../../src/core/bot/inbound-request.js";
import {
  actionHandlers,
  autocompleteHandlers,
  commandHandlers,
  formHandlers,
  shortcutHandlers,
} from "../../src/core/bot/routes.js";
import { argsFromText, splitCommandText } from "../../src/core/commands/parse-command-text.js";
import { commandRegistry, findCommand } from "../../src/core/commands/registry.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { anyJson, hostileFragment, hostileShortText, hostileText, wrongType } from "./arbitraries.js";
import { assertNoUnexpectedErrors, checkReply, fuzzCore } from "./core-harness.js";
import { type FuzzTarget, FuzzViolation, fuzzTarget, mustNotThrow } from "./fuzz-target.js";

const PROTOTYPE_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
];

const commandNames = [...commandRegistry.map((c) => c.name), ...Object.keys(commandHandlers)];
const optionNames = [...new Set(commandRegistry.flatMap((c) => c.options.map((o) => o.name)))];

/** A known name most of the time (so the request reaches a handler), else anything. */
function knownOr(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(names.length > 0 ? names : ["x"])), weight: 6 },
    { arbitrary: fc.constantFrom(...PROTOTYPE_NAMES), weight: 1 },
    { arbitrary: hostileShortText, weight: 2 },
  );
}

/** Typed text: a command word (known, prototype-named or hostile), then anything. */
export const commandText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(knownOr(commandNames), fc.constantFrom(" ", "  ", "\t", "\n", "\u3000", ""), hostileText)
    .map(([name, gap, rest]) => `${name}${gap}${rest}`),
  fc.tuple(knownOr(commandNames), hostileText).map(([name, rest]) => `${name.toUpperCase()} ${rest}`),
  hostileText,
);

export const parseCommandTextTarget: FuzzTarget = fuzzTarget({
  name: "core: command text → command and args",
  arbitrary: commandText,
  async check(text: string) {
    const split = await mustNotThrow("splitCommandText", () => splitCommandText(text));
    if (!split) return;
    const { name, rest } = split;
    if (/\s/.test(name)) throw new FuzzViolation(`command name ${JSON.stringify(name)} contains whitespace`);
    if (rest !== rest.trim()) throw new FuzzViolation("the rest is not trimmed");
    if (name === "" && text.trim() !== "") throw new FuzzViolation("non-blank text gave no command name");
    const spec = await mustNotThrow("findCommand", () => findCommand(name));
    if (spec && PROTOTYPE_NAMES.includes(name))
      throw new FuzzViolation(`findCommand("${name}") found a command`);
    for (const candidate of commandRegistry) {
      const args = await mustNotThrow("argsFromText", () => argsFromText(candidate, rest));
      for (const value of Object.values(args ?? {}))
        if (typeof value !== "string") throw new FuzzViolation("argsFromText produced a non-string argument");
    }
  },
});

/** Objects shaped like each InboundRequest kind, with known, prototype-named and hostile names. */
export const requestCandidate: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ kind: fc.constant("commandText"), text: hostileText }),
  fc.record({ kind: fc.constant("message"), text: hostileText }),
  fc.record({
    kind: fc.constant("command"),
    name: knownOr(commandNames),
    args: fc.dictionary(
      knownOr(optionNames),
      fc.oneof(hostileText, fc.integer(), fc.double(), fc.boolean(), hostileFragment),
      { maxKeys: 4 },
    ),
  }),
  fc.record({
    kind: fc.constant("action"),
    actionId: knownOr(Object.keys(actionHandlers)),
    value: fc.oneof(fc.uuid(), fc.stringMatching(/^[a-z0-9=&;-]{0,20}$/), hostileShortText),
  }),
  fc.record({
    kind: fc.constant("form"),
    formId: knownOr(Object.keys(formHandlers)),
    context: fc.oneof(fc.uuid(), fc.constant(""), hostileShortText),
    values: fc.dictionary(
      // Problem and access fields, then showcase, profile and digest ones (route-targets.ts sends
      // each form exactly its own fields; this mixes them up).
      fc.constantFrom(
        "title",
        "description",
        "topic",
        "dataset",
        "answer",
        "reason",
        "url",
        "person",
        "x",
        "summary",
        "link",
        "image_url",
        "team",
        "kind",
        "datasets",
        "problems",
        "note",
        "bio",
        "topics",
        "contact",
        "sections",
        "enabled",
      ),
      hostileText,
      { maxKeys: 5 },
    ),
  }),
  fc.record({
    kind: fc.constant("shortcut"),
    shortcutId: knownOr(Object.keys(shortcutHandlers)),
    text: hostileText,
  }),
  anyJson,
  wrongType,
);

export const inboundSchemaTarget: FuzzTarget = fuzzTarget({
  name: "core: inboundRequestSchema",
  arbitrary: requestCandidate,
  async check(candidate: unknown) {
    const parsed = await mustNotThrow("inboundRequestSchema.safeParse", () =>
      inboundRequestSchema.safeParse(candidate),
    );
    if (parsed?.success && typeof parsed.data.kind !== "string")
      throw new FuzzViolation("accepted a request without kind");
  },
});

/** Who might be asking: every platform, odd workspace and user ids, names and locales. */
export const identity: fc.Arbitrary<PlatformIdentity> = fc.record(
  {
    platform: fc.constantFrom("slack", "discord", "console"),
    workspaceId: fc.oneof(
      fc.constantFrom("T0FAKETEAM", "dm", "local", "123456789012345678"),
      fc.string({ minLength: 1, maxLength: 64 }),
    ),
    userId: fc.oneof(
      fc.constantFrom("U0ALICE", "U0BOB", "operator"),
      fc.string({ minLength: 1, maxLength: 64 }),
    ),
    displayName: fc.oneof(
      hostileShortText.map((s) => s.slice(0, 200)),
      fc.constant("Ana"),
    ),
    locale: fc.oneof(
      fc.constantFrom(
        "en",
        "es",
        "es-ES",
        "en-US",
        "pt-BR",
        "zh-Hant-TW",
        "x-klingon",
        "",
        "EN_us",
        "__proto__",
      ),
      hostileShortText.map((s) => s.slice(0, 35)),
    ),
  },
  { requiredKeys: ["platform", "workspaceId", "userId"] },
);

function inputText(candidate: unknown): string {
  return typeof candidate === "object" && candidate !== null ? JSON.stringify(candidate) : String(candidate);
}

export const handleTarget: FuzzTarget = fuzzTarget({
  name: "core: createDatadesk().handle",
  arbitrary: fc.record({ identity, candidate: requestCandidate }),
  async check({ identity: who, candidate }: { identity: PlatformIdentity; candidate: unknown }) {
    // Adapters only ever pass requests the schema accepts.
    const parsed = inboundRequestSchema.safeParse(candidate);
    if (!parsed.success) return;
    const harness = await fuzzCore();
    harness.takeErrors();
    const reply = await mustNotThrow("handle", () => harness.core.handle(who, parsed.data));
    checkReply(reply, `${inputText(candidate)} ${JSON.stringify(who)}`, "handle");
    assertNoUnexpectedErrors(harness, "handle");
  },
});

export const autocompleteTarget: FuzzTarget = fuzzTarget({
  name: "core: createDatadesk().autocomplete",
  arbitrary: fc.record({
    identity,
    key: fc.oneof(fc.constantFrom(...Object.keys(autocompleteHandlers)), fc.constant("ask.question")),
    text: hostileText,
  }),
  async check({ identity: who, key, text }: { identity: PlatformIdentity; key: string; text: string }) {
    const [command = "", option = ""] = key.split(".");
    const harness = await fuzzCore();
    harness.takeErrors();
    const choices = await mustNotThrow("autocomplete", () =>
      harness.core.autocomplete(who, { command, option, text }),
    );
    if (!Array.isArray(choices)) throw new FuzzViolation("autocomplete did not answer a list");
    for (const choice of choices)
      if (typeof choice.label !== "string" || typeof choice.value !== "string" || choice.label.length > 100)
        throw new FuzzViolation("autocomplete answered a malformed choice");
    assertNoUnexpectedErrors(harness, "autocomplete");
  },
});

export const coreTargets: readonly FuzzTarget[] = [
  parseCommandTextTarget,
  inboundSchemaTarget,
  handleTarget,
  autocompleteTarget,
];

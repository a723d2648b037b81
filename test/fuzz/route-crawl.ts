/**
 * Walks the bot's UI like a busy community would, so the per-route fuzz targets (route-targets.ts)
 * reach handlers with real state: every registered command is run by a member, a champion and an
 * admin; every form that comes back is submitted with plausible values (its placeholders, initial
 * values and first options); every button on a reply, or on a card the outbox would post (review
 * cards in triage, DMs), is pressed. Depth first, so a flow runs to its end ("Continue", step two,
 * the review) before its other buttons ("Cancel") undo it. What it sees is kept: the values each button carries (draft,
 * showcase, problem and request ids), and each form's context and fields, so hostile form values
 * go to the field ids the form really has. Nothing here is hand-listed per capability: a new
 * command, button or form is crawled as soon as it is registered.
 */
import type { InboundRequest } from "../../src/core/bot/inbound-request.js";
import { commandHandlers } from "../../src/core/bot/routes.js";
import { commandRegistry } from "../../src/core/commands/registry.js";
import { translator } from "../../src/core/i18n/translator.js";
import type { Card, FormReply } from "../../src/core/shared/card.js";
import type { Form, FormValues } from "../../src/core/shared/form.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import type { FuzzCore } from "./core-harness.js";

const who = (userId: string, displayName: string): PlatformIdentity => ({
  platform: "slack",
  workspaceId: "T0FAKETEAM",
  userId,
  displayName,
  locale: "en-US",
});

/** The people the crawl and the route targets act as (registered with these roles). */
export const CAST = {
  member: who("U0FUZZMEMBER", "Fuzz Member"),
  submitter: who("U0FUZZSUBMIT", "Fuzz Submitter"),
  champion: who("U0FUZZCHAMP", "Fuzz Champion"),
  admin: who("U0FUZZADMIN", "Fuzz Admin"),
} as const;
export const CAST_LIST: readonly PlatformIdentity[] = Object.values(CAST);

export interface CrawlFindings {
  /** Values seen on each button (actionId → values). */
  actionValues: Map<string, Set<string>>;
  /** Forms seen (formId → the forms, each with the context it came with). */
  forms: Map<string, Form[]>;
}

/** Plausible values for a form: what it shows as examples, or the first option. */
export function plausibleValues(form: Form): FormValues {
  const values: FormValues = {};
  for (const field of form.fields) {
    const option = field.options?.[0]?.value;
    const example = field.initialValue || field.placeholder || "Plausible text for this field";
    values[field.id] =
      field.kind === "checkbox"
        ? "true"
        : option !== undefined && (field.kind === "select" || field.kind === "multiselect")
          ? option
          : example.padEnd(field.minLength ?? 0, ".").slice(0, field.maxLength ?? 4_000);
  }
  return values;
}

function buttonsOf(card: Card): { actionId: string; value: string }[] {
  return card.blocks.flatMap((block) =>
    block.type === "actions"
      ? block.actions.flatMap((a) => (a.kind === "button" ? [{ actionId: a.actionId, value: a.value }] : []))
      : [],
  );
}

function cardsOf(reply: FormReply): Card[] {
  if (reply.kind === "card") return [reply.card];
  if (reply.kind === "update") return reply.notice ? [reply.card, reply.notice] : [reply.card];
  return [];
}

function formOf(reply: FormReply): Form | null {
  if (reply.kind === "form") return reply.form;
  if (reply.kind === "errors" && reply.retry) return reply.retry;
  return null;
}

/** Time between two requests of the crawl and of the route targets: within the write rate limit. */
export const PACE_MS = 3_000;

/** Sub-commands no help example shows. */
const SUBCOMMAND_TEXTS = ["digest settings", "showcase withdraw S1", "showcase withdraw 2", "requests"];

const ROLES = {
  member: ["member"],
  submitter: ["member"],
  champion: ["member", "champion"],
  admin: ["member", "admin"],
} as const;

/**
 * One crawl over `harness` (state accumulates between crawls; each finds fresh drafts and
 * showcases). At most `budget` requests, breadth first.
 */
export async function crawl(harness: FuzzCore, findings: CrawlFindings, budget = 400): Promise<void> {
  const { core, deps } = harness;
  for (const [role, identity] of Object.entries(CAST))
    await deps.people.addPerson(identity, [...ROLES[role as keyof typeof ROLES]]);
  type Step = { identity: PlatformIdentity; request: InboundRequest; depth: number; retried?: boolean };
  const queue: Step[] = [];
  // Each command bare and with its help example ("digest settings", "showcase Bike lanes").
  const t = translator("en");
  for (const name of Object.keys(commandHandlers)) {
    const exampleKey = commandRegistry.find((c) => c.name === name)?.exampleKey;
    const texts = [name, ...(exampleKey ? [`${name} ${t(exampleKey)}`] : [])];
    for (const identity of CAST_LIST)
      for (const text of texts) queue.push({ identity, request: { kind: "commandText", text }, depth: 0 });
  }
  for (const text of SUBCOMMAND_TEXTS)
    for (const identity of CAST_LIST)
      queue.push({ identity, request: { kind: "commandText", text }, depth: 0 });
  let seenOutbox = deps.outbox.messages.length;
  const pressed = new Set<string>();
  const press = (identity: PlatformIdentity, button: { actionId: string; value: string }, depth: number) => {
    const key = `${identity.userId}|${button.actionId}|${button.value}`;
    if (pressed.has(key)) return;
    pressed.add(key);
    children.push({ identity, request: { kind: "action", ...button }, depth });
  };
  let children: Step[] = [];
  queue.reverse();
  for (let used = 0; used < budget; used += 1) {
    const next = queue.pop();
    if (!next) break;
    children = [];
    // People click at human pace: the write rate limit (30 a minute) never answers for the crawl.
    deps.clock.advanceMs(PACE_MS);
    const reply = await core.handle(next.identity, next.request);
    harness.takeErrors(); // the crawl only explores; the targets judge
    // Cards the outbox would post (review cards, DMs) are pressed first, by the champion and the
    // admin, each card's buttons in a different order (approve one, reject the next, ...).
    deps.outbox.messages.slice(seenOutbox).forEach((message, n) => {
      const buttons = buttonsOf(message.card);
      const turn = (seenOutbox + n) % Math.max(1, buttons.length);
      for (const button of [...buttons.slice(turn), ...buttons.slice(0, turn)]) {
        const values = findings.actionValues.get(button.actionId) ?? new Set();
        values.add(button.value);
        findings.actionValues.set(button.actionId, values);
        press(CAST.champion, button, next.depth + 1);
        press(CAST.admin, button, next.depth + 1);
      }
    });
    for (const card of cardsOf(reply)) {
      for (const button of buttonsOf(card)) {
        const values = findings.actionValues.get(button.actionId) ?? new Set();
        values.add(button.value);
        findings.actionValues.set(button.actionId, values);
        if (next.depth < 6) press(next.identity, button, next.depth + 1);
      }
    }
    // A refused plausible value (an example dataset this catalog lacks): once more without it.
    if (reply.kind === "errors" && next.request.kind === "form" && !next.retried) {
      const blanked = Object.fromEntries(Object.keys(reply.errors).map((id) => [id, ""]));
      children.push({
        identity: next.identity,
        request: { ...next.request, values: { ...next.request.values, ...blanked } },
        depth: next.depth,
        retried: true,
      });
    }
    const form = formOf(reply);
    if (form) {
      const list = findings.forms.get(form.formId) ?? [];
      if (list.length < 20) list.push(form);
      findings.forms.set(form.formId, list);
      if (next.depth < 6 && next.request.kind !== "form")
        children.push({
          identity: next.identity,
          request: {
            kind: "form",
            formId: form.formId,
            context: form.context,
            values: plausibleValues(form),
          },
          depth: next.depth + 1,
        });
    }
    seenOutbox = deps.outbox.messages.length;
    queue.push(...children.reverse());
  }
}

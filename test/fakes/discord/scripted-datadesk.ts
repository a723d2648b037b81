/**
 * A small scripted Datadesk for the Discord adapter's end-to-end tests: it answers with each kind
 * of reply the real core can give (forms, per-field errors with a retry, updates with notices,
 * deliberate mentions) from fixed scripts, and records what the adapter handed it. What is under
 * test is the adapter's side of the contract, not what the problem use cases decide.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Datadesk } from "../../../src/core/bot/create-datadesk.js";
import type { InboundRequest } from "../../../src/core/bot/inbound-request.js";
import type { Card, FormReply, RichText } from "../../../src/core/shared/card.js";
import type { Form, FormValues } from "../../../src/core/shared/form.js";
import type { PlatformIdentity } from "../../../src/core/shared/platform.js";

/** What people type in these tests: every way Discord text could ping or link if left live. */
export const HOSTILE = "@everyone @here <@123> <@&456> [x](http://evil) **loud**";

export interface ScriptedDatadesk extends Datadesk {
  /** Every request with the identity it came with, in order. */
  received: Array<{ identity: PlatformIdentity; request: InboundRequest }>;
}

export function problemForm(values: FormValues = {}, fieldCount = 5): Form {
  const fields: Form["fields"] = [
    {
      id: "title",
      kind: "text",
      label: "Title",
      hint: "One line people will recognise",
      placeholder: "Bus stops without shelter",
      required: true,
      minLength: 10,
      maxLength: 120,
      ...(values.title ? { initialValue: values.title } : {}),
    },
    {
      id: "details",
      kind: "multiline",
      label: "What is the problem?",
      required: false,
      maxLength: 2000,
      ...(values.details ? { initialValue: values.details } : {}),
    },
    {
      id: "topic",
      kind: "select",
      label: "Topic",
      required: true,
      options: [
        { label: "Transport", value: "transport" },
        { label: "Housing", value: "housing" },
      ],
      initialValue: values.topic || "transport",
    },
    {
      id: "anonymous",
      kind: "checkbox",
      label: "Post anonymously",
      required: false,
      initialValue: values.anonymous || "false",
    },
    { id: "contact", kind: "text", label: "Contact (optional)", required: false },
  ];
  for (let i = fields.length; i < fieldCount; i++) {
    fields.push({ id: `extra_${i}`, kind: "text", label: `Extra ${i}`, required: false });
  }
  return {
    formId: "problem.submit",
    context: "t=transport",
    title: "File a problem",
    submitLabel: "File it",
    fields,
  };
}

const section = (...text: RichText): Card => ({
  fallbackText: "card",
  blocks: [{ type: "section", text }],
});

function voteCard(votes: number): Card {
  return {
    fallbackText: `${votes} votes`,
    blocks: [
      { type: "header", text: HOSTILE },
      { type: "section", text: [`Votes: ${votes} — `, HOSTILE] },
      {
        type: "actions",
        actions: [
          { kind: "button", actionId: "problem.vote", label: "Vote", value: String(votes) },
          { kind: "button", actionId: "problem.edit", label: "Edit", value: "12" },
        ],
      },
    ],
  };
}

export function scriptedDatadesk(options: { championId: string; slowMs: number }): ScriptedDatadesk {
  const received: ScriptedDatadesk["received"] = [];
  const later = <T>(value: T) => sleep(options.slowMs).then(() => value);

  const commands: Record<string, () => Promise<FormReply>> = {
    problem: async () => ({ kind: "form", form: problemForm() }),
    "problem-big": async () => ({ kind: "form", form: problemForm({}, 7) }),
    "problem-slow": () => later({ kind: "form", form: problemForm() }),
    vote: async () => ({ kind: "update", card: voteCard(1), notice: section("Thanks ", HOSTILE) }),
    board: async () => ({ kind: "card", card: voteCard(0), visibility: "public" }),
  };

  const actions: Record<string, (value: string) => Promise<FormReply>> = {
    "problem.vote": async (value) => ({
      kind: "update",
      card: voteCard(Number(value) + 1),
      notice: section("You voted, ", HOSTILE),
    }),
    "problem.slowvote": (value) =>
      later({ kind: "update", card: voteCard(Number(value) + 1), notice: section("Slow vote counted") }),
    "problem.edit": async () => ({
      kind: "form",
      form: { ...problemForm(), formId: "problem.edit", context: "12" },
    }),
  };

  function submit(formId: string, values: FormValues): FormReply {
    if (formId === "problem.edit") return { kind: "update", card: voteCard(7), notice: section("Edited") };
    const title = values.title ?? "";
    if (title.length < 10) {
      return {
        kind: "errors",
        errors: { title: `"${title}" is too short`, topic: `Pick a topic, not ${HOSTILE}` },
        retry: problemForm(values),
      };
    }
    return {
      kind: "card",
      visibility: "public",
      card: {
        fallbackText: `Filed: ${title}`,
        blocks: [
          { type: "header", text: title },
          {
            type: "section",
            text: ["Filed by ", HOSTILE, " — champion: ", { mention: options.championId, text: "Grace" }],
          },
          { type: "fields", fields: [{ label: HOSTILE, value: [values.details ?? "", " ", HOSTILE] }] },
          { type: "context", text: [HOSTILE, { mention: options.championId, text: "Grace" }] },
          { type: "list", items: [[HOSTILE], [{ text: HOSTILE, style: "bold" }]] },
        ],
      },
    };
  }

  return {
    received,
    async handle(identity, request) {
      received.push({ identity, request });
      switch (request.kind) {
        case "command":
          return (commands[request.name] ?? (async () => ({ kind: "none" })))();
        case "action":
          return (actions[request.actionId] ?? (async () => ({ kind: "none" })))(request.value);
        case "form":
          return submit(request.formId, request.values);
        default:
          return { kind: "card", visibility: "public", card: section("You said ", HOSTILE) };
      }
    },
    async home() {
      return { fallbackText: "home", blocks: [] };
    },
    async describeActor() {
      return { displayName: "Ada", locale: "en", communityName: "Test", roles: ["member"] };
    },
    async unfurl() {
      return {};
    },
    async autocomplete() {
      return [];
    },
  };
}

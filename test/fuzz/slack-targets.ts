/**
 * Fuzz targets for what Slack sends us: the payload schemas (slack-payloads.ts), the wire text
 * decoder (inbound-text.ts) and the request steps every listener shares (slack-requests.ts), run
 * the way the listeners run them, down to the core's reply rendered as Block Kit. Bolt has
 * checked the signature already, so the input here is what a signed request can carry: any
 * form fields or JSON at all. A crash is an exception, a reply that is not one, or internals
 * (a stack trace, an error name) in what would be posted.
 */

import { parse as parseForm } from "node:querystring";
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { z } from "zod";
import { renderMessage } from "../../src/adapters/slack/block-kit-renderer.js";
import { decodeButtonActionId } from "../../src/adapters/slack/button-action-ids.js";
import { createInFlightWork } from "../../src/adapters/slack/in-flight-work.js";
import { slackTextToPlain } from "../../src/adapters/slack/inbound-text.js";
import * as slackPayloads from "../../src/adapters/slack/slack-payloads.js";
import {
  appMentionSchema,
  blockActionsSchema,
  directMessageSchema,
  eventEnvelopeSchema,
  linkSharedSchema,
  personalDirectMessageFilter,
  slashCommandSchema,
} from "../../src/adapters/slack/slack-payloads.js";
import { createSlackRequests, type SlackRequests } from "../../src/adapters/slack/slack-requests.js";
import type { SlackUserProfile } from "../../src/adapters/slack/slack-user-directory.js";
import { inboundRequestSchema } from "../../src/core/bot/inbound-request.js";
import { actionHandlers } from "../../src/core/bot/routes.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import { createLogger } from "../../src/ops/logger.js";
import { createMetrics } from "../../src/ops/metrics.js";
import {
  anyJson,
  field,
  hostileShortText,
  hostileText,
  looseRecord,
  mutated,
  urlish,
  wrongType,
} from "./arbitraries.js";
import { assertNoUnexpectedErrors, checkReply, type FuzzCore, fuzzCore } from "./core-harness.js";
import { commandText } from "./core-targets.js";
import {
  assertNoStackTrace,
  type FuzzTarget,
  FuzzViolation,
  fuzzTarget,
  mustNotThrow,
} from "./fuzz-target.js";

const BOT_USER_ID = "U0FAKEBOT";

const slackIdish = fc.oneof(
  { arbitrary: fc.constantFrom("T0FAKETEAM", "U0ALICE", "C0GENERAL", "D0ALICE", "W0ENTERPRISE"), weight: 10 },
  { arbitrary: fc.stringMatching(/^[A-Z0-9][A-Z0-9_-]{1,12}$/), weight: 4 },
  { arbitrary: fc.constantFrom("", "U", "x".repeat(65), "U0\u0000", "__proto__", "U0ALICE "), weight: 1 },
);
const tsish = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.nat(), fc.nat({ max: 999_999 }))
      .map(([s, u]) => `${s}.${String(u).padStart(6, "0")}`),
    weight: 8,
  },
  { arbitrary: fc.constantFrom("1712345678.1", "0.0", "1712345678", "1e9.5", "", "1.2.3"), weight: 1 },
);

// ---- Slack requests over the real core, with a users.info answer chosen per case ----

interface SlackHarness {
  requests: SlackRequests;
  core: FuzzCore;
  /** What users.info "answers" for the next lookups (the directory is a stub). */
  profile: SlackUserProfile;
}

let harness: Promise<SlackHarness> | null = null;

function slackHarness(): Promise<SlackHarness> {
  harness ??= (async () => {
    const core = await fuzzCore();
    const state: SlackHarness = {
      core,
      profile: { locale: undefined, displayName: undefined },
      requests: undefined as unknown as SlackRequests,
    };
    state.requests = createSlackRequests({
      core: core.core,
      logger: createLogger({ level: "silent", secrets: [], destination: new PassThrough() }),
      metrics: createMetrics({ defaultMetrics: false }),
      users: { lookup: async () => state.profile },
      work: createInFlightWork(),
      defaultLocale: undefined,
    });
    return state;
  })();
  return harness;
}

const profile: fc.Arbitrary<SlackUserProfile> = fc.record({
  locale: fc.option(fc.oneof(fc.constantFrom("en-US", "es-ES", "es-419", "ja-JP", ""), hostileShortText), {
    nil: undefined,
  }),
  displayName: fc.option(fc.oneof(hostileShortText, hostileText), { nil: undefined }),
});

/** Answers one request through the Slack steps and checks the reply as Slack would get it. */
async function answerAndRender(
  slack: SlackHarness,
  identity: PlatformIdentity,
  request: Parameters<SlackRequests["answer"]>[2],
  input: string,
  where: string,
): Promise<void> {
  slack.core.takeErrors();
  const reply =
    request.kind === "commandText" || request.kind === "message"
      ? await mustNotThrow(`${where}: answerText`, () =>
          slack.requests.answerText("command", identity, request),
        )
      : await mustNotThrow(`${where}: answer`, () => slack.requests.answer("action", identity, request));
  const cards = checkReply(reply, input, where);
  for (const card of cards) {
    const rendered = await mustNotThrow(`${where}: Block Kit rendering`, () => renderMessage(card));
    if (rendered) assertNoStackTrace(JSON.stringify(rendered), input, `${where} (Block Kit)`);
  }
  assertNoUnexpectedErrors(slack.core, where);
}

// ---- slash commands ----

/** Form fields are strings: a wrong-typed value arrives as whatever text it was sent as. */
function asFormValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

/** A form body as Bolt receives it: realistic fields, hostile values, sometimes corrupted bytes. */
const slashCommandBody: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        mutated(
          looseRecord({
            command: field(fc.constantFrom("/datadesk", "/DATADESK", "/other")),
            text: fc.oneof(commandText, hostileText),
            team_id: slackIdish,
            user_id: slackIdish,
            user_name: field(hostileShortText),
            channel_id: slackIdish,
            response_url: field(
              fc.constantFrom("https://hooks.slack.com/commands/T0/1/x", "http://127.0.0.1:1/r"),
            ),
            trigger_id: field(fc.constantFrom("1.2.abc", "13345224609.738474920.8088930838d88f008e0")),
          }),
        ),
        fc.oneof(
          { arbitrary: fc.constant([]), weight: 4 },
          { arbitrary: fc.array(fc.tuple(hostileShortText, hostileShortText), { maxLength: 3 }), weight: 1 },
        ),
      )
      .map(([fields, extra]) => {
        const form = new URLSearchParams();
        const entries = typeof fields === "object" && fields !== null ? Object.entries(fields) : [];
        for (const [k, v] of entries) form.append(k, asFormValue(v));
        // Repeated keys become arrays in querystring.parse, as in Bolt.
        for (const [k, v] of extra) form.append(k, v);
        return form.toString();
      }),
  },
  // Broken percent-encoding, stray separators, raw unicode.
  {
    weight: 1,
    arbitrary: hostileText.map(
      (t) =>
        `command=%2Fdatadesk&text=${t}&team_id=T0&user_id=%E0%A4%A&channel_id=C0&response_url=https%3A%2F%2Fx.org`,
    ),
  },
  { weight: 1, arbitrary: hostileText },
);

export const slashCommandTarget: FuzzTarget = fuzzTarget({
  name: "slack: slash command → reply",
  arbitrary: fc.record({ body: slashCommandBody, profile }),
  async check({ body, profile: answer }: { body: string; profile: SlackUserProfile }) {
    const slack = await slackHarness();
    slack.profile = answer;
    const command = await mustNotThrow("querystring.parse", () => parseForm(body));
    const parsed = await mustNotThrow("slashCommandSchema", () => slashCommandSchema.safeParse(command));
    if (!parsed?.success) {
      await mustNotThrow("response_url check", () =>
        slashCommandSchema.shape.response_url.safeParse((command as Record<string, unknown>)?.response_url),
      );
      return;
    }
    const { team_id, user_id, user_name, channel_id } = parsed.data;
    const identity = await mustNotThrow("identify", () =>
      slack.requests.identify({
        teamId: team_id,
        userId: user_id,
        fallbackName: user_name,
        channelId: channel_id,
      }),
    );
    if (!identity) throw new FuzzViolation("identify answered nothing");
    const text = await mustNotThrow("slackTextToPlain", () => slackTextToPlain(parsed.data.text));
    if (typeof text !== "string") throw new FuzzViolation("slackTextToPlain answered a non-string");
    await answerAndRender(
      slack,
      identity,
      { kind: "commandText", text },
      `${body} ${JSON.stringify(answer)}`,
      "slash command",
    );
  },
});

// ---- Events API: mentions, DMs, App Home, link_shared ----

const eventText = fc.oneof(
  commandText.map((t) => `<@${BOT_USER_ID}> ${t}`),
  commandText,
  hostileText,
);

const mentionEvent = looseRecord({
  type: field(fc.constant("app_mention")),
  user: slackIdish,
  text: eventText,
  channel: slackIdish,
  ts: tsish,
  thread_ts: fc.option(tsish, { nil: undefined }),
});

const directMessageEvent = looseRecord({
  type: field(fc.constant("message")),
  channel_type: field(fc.constantFrom("im", "im", "im", "channel")),
  user: slackIdish,
  text: eventText,
  channel: slackIdish,
  ts: tsish,
  thread_ts: fc.option(tsish, { nil: undefined }),
  subtype: fc.option(fc.constantFrom("bot_message", "message_changed", "channel_join"), {
    nil: undefined,
    freq: 4,
  }),
  bot_id: fc.option(fc.constant("B0OTHER"), { nil: undefined, freq: 4 }),
});

const homeOpenedEvent = looseRecord({
  type: field(fc.constant("app_home_opened")),
  user: slackIdish,
  channel: fc.option(slackIdish, { nil: undefined }),
  tab: field(fc.constantFrom("home", "messages", "about")),
});

const linkSharedEvent = looseRecord({
  type: field(fc.constant("link_shared")),
  user: slackIdish,
  channel: slackIdish,
  links: field(
    fc.array(looseRecord({ url: field(urlish), domain: field(fc.domain()) }), { minLength: 1, maxLength: 4 }),
  ),
  message_ts: field(tsish),
  unfurl_id: field(hostileShortText),
  source: field(fc.constantFrom("conversations_history", "composer")),
});

const messageEvent = fc.oneof(mentionEvent, directMessageEvent, homeOpenedEvent, linkSharedEvent);

const eventEnvelope = fc.record({
  envelope: mutated(
    looseRecord({
      team_id: slackIdish,
      event_id: field(fc.constantFrom("Ev0001", "Ev0002", "")),
      type: fc.constant("event_callback"),
    }),
  ),
  event: fc.oneof({ arbitrary: mutated(messageEvent), weight: 9 }, { arbitrary: anyJson, weight: 1 }),
  botUserId: fc.oneof(
    { arbitrary: fc.constant(BOT_USER_ID), weight: 8 },
    { arbitrary: hostileShortText, weight: 1 },
  ),
  profile,
});

export const eventTarget: FuzzTarget = fuzzTarget({
  name: "slack: events (mention, DM, home, link) → reply",
  arbitrary: eventEnvelope,
  async check(input: { envelope: unknown; event: unknown; botUserId: string; profile: SlackUserProfile }) {
    const slack = await slackHarness();
    slack.profile = input.profile;
    const envelope = await mustNotThrow("eventEnvelopeSchema", () =>
      eventEnvelopeSchema.safeParse(input.envelope),
    );
    const isDm = await mustNotThrow("personalDirectMessageFilter", () =>
      personalDirectMessageFilter.safeParse(input.event),
    );
    const schemas = [appMentionSchema, ...(isDm?.success ? [directMessageSchema] : [])];
    for (const schema of schemas) {
      const parsed = await mustNotThrow("message schema", () => schema.safeParse(input.event));
      if (!parsed?.success || !envelope?.success) continue;
      const identity = await mustNotThrow("identify", () =>
        slack.requests.identify({ teamId: envelope.data.team_id, userId: parsed.data.user }),
      );
      if (!identity) throw new FuzzViolation("identify answered nothing");
      const text = await mustNotThrow("slackTextToPlain", () =>
        slackTextToPlain(parsed.data.text, { botUserId: input.botUserId }),
      );
      if (typeof text !== "string") throw new FuzzViolation("slackTextToPlain answered a non-string");
      await answerAndRender(slack, identity, { kind: "message", text }, JSON.stringify(input), "event");
    }
    const link = await mustNotThrow("linkSharedSchema", () => linkSharedSchema.safeParse(input.event));
    if (link?.success && envelope?.success) {
      slack.core.takeErrors();
      const identity = await slack.requests.identify({
        teamId: envelope.data.team_id,
        userId: link.data.user,
      });
      const cards = await mustNotThrow("unfurl", () =>
        slack.requests.unfurl(
          identity,
          link.data.links.map((l) => l.url),
        ),
      );
      for (const card of Object.values(cards ?? {}))
        assertNoStackTrace(JSON.stringify(renderMessage(card)), JSON.stringify(input), "unfurl");
      assertNoUnexpectedErrors(slack.core, "unfurl");
    }
  },
});

// ---- buttons ----

const actionIdish = fc.oneof(
  { arbitrary: fc.constantFrom(...Object.keys(actionHandlers)), weight: 5 },
  { arbitrary: fc.constantFrom(...Object.keys(actionHandlers)).map((id) => `${id}#2`), weight: 1 },
  { arbitrary: fc.constantFrom("constructor", "datadesk:link:1", "datadesk:form:open", "a#9999"), weight: 1 },
  { arbitrary: hostileShortText, weight: 2 },
);

const blockActionsPayload = looseRecord({
  type: field(fc.constant("block_actions")),
  user: field(looseRecord({ id: slackIdish, name: field(hostileShortText), team_id: slackIdish })),
  team: field(fc.oneof(looseRecord({ id: slackIdish }), fc.constant(null))),
  actions: field(
    fc.array(
      looseRecord({ action_id: field(actionIdish), value: field(fc.oneof(fc.uuid(), hostileShortText)) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  ),
  response_url: field(fc.constantFrom("https://hooks.slack.com/actions/T0/1/x")),
  trigger_id: field(fc.constantFrom("1.2.abc")),
  channel: field(looseRecord({ id: slackIdish })),
  container: field(
    looseRecord({
      type: field(fc.constantFrom("message", "view")),
      channel_id: slackIdish,
      message_ts: tsish,
      is_ephemeral: field(fc.boolean()),
    }),
  ),
});

export const blockActionsTarget: FuzzTarget = fuzzTarget({
  name: "slack: block actions (buttons) → reply",
  arbitrary: fc.record({ payload: mutated(blockActionsPayload), profile }),
  async check({ payload, profile: answer }: { payload: unknown; profile: SlackUserProfile }) {
    const slack = await slackHarness();
    slack.profile = answer;
    const parsed = await mustNotThrow("blockActionsSchema", () => blockActionsSchema.safeParse(payload));
    if (!parsed?.success) return;
    const { user, team, actions } = parsed.data;
    const teamId = team?.id ?? user.team_id;
    const pressed = actions[0];
    const actionId = await mustNotThrow("decodeButtonActionId", () =>
      decodeButtonActionId(pressed?.action_id ?? ""),
    );
    const request = inboundRequestSchema.safeParse({ kind: "action", actionId, value: pressed?.value ?? "" });
    if (!teamId || !request.success) return;
    const identity = await mustNotThrow("identify", () =>
      slack.requests.identify({ teamId, userId: user.id, fallbackName: user.name }),
    );
    if (!identity) throw new FuzzViolation("identify answered nothing");
    await answerAndRender(slack, identity, request.data, JSON.stringify(payload), "button");
  },
});

// ---- every schema in slack-payloads.ts, with any JSON ----

const payloadSchemas = Object.entries(slackPayloads as Record<string, unknown>).flatMap(([name, value]) =>
  value instanceof z.ZodType ? [[name, value] as const] : [],
);

export const payloadSchemasTarget: FuzzTarget = fuzzTarget({
  name: `slack: every payload schema (${payloadSchemas.length})`,
  arbitrary: fc.oneof(
    { arbitrary: mutated(messageEvent), weight: 3 },
    { arbitrary: mutated(blockActionsPayload), weight: 3 },
    { arbitrary: anyJson, weight: 2 },
    { arbitrary: wrongType, weight: 1 },
    {
      arbitrary: looseRecord({
        type: field(fc.constantFrom("view_submission", "message_action", "shortcut")),
        callback_id: field(hostileShortText),
        view: field(
          looseRecord({ callback_id: field(hostileShortText), private_metadata: field(hostileText) }),
        ),
        message: field(looseRecord({ text: field(hostileText), ts: tsish })),
      }),
      weight: 1,
    },
  ),
  async check(payload: unknown) {
    for (const [name, schema] of payloadSchemas)
      await mustNotThrow(`${name}.safeParse`, () => schema.safeParse(payload));
  },
});

// ---- the wire-text decoder on its own ----

export const inboundTextTarget: FuzzTarget = fuzzTarget({
  name: "slack: message text → plain text",
  arbitrary: fc.record({
    text: hostileText,
    botUserId: fc.option(fc.oneof(fc.constant(BOT_USER_ID), hostileShortText), { nil: undefined }),
  }),
  async check({ text, botUserId }: { text: string; botUserId: string | undefined }) {
    const plain = await mustNotThrow("slackTextToPlain", () => slackTextToPlain(text, { botUserId }));
    if (typeof plain !== "string") throw new FuzzViolation("answered a non-string");
    if (plain !== plain.trim()) throw new FuzzViolation("answer is not trimmed");
    if (botUserId === BOT_USER_ID && /<@U0FAKEBOT(\|[^>]*)?>/.test(plain) && !text.includes("&lt;@U0FAKEBOT"))
      throw new FuzzViolation("our own mention survived");
  },
});

export const slackTargets: readonly FuzzTarget[] = [
  inboundTextTarget,
  payloadSchemasTarget,
  slashCommandTarget,
  eventTarget,
  blockActionsTarget,
];

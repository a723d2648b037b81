// The Slack adapter alone (real Bolt, HTTP receiver) against the fake Slack, in front of a small
// fake Datadesk whose answers each test scripts. For adapter behaviour the real core cannot be
// steered into on demand (forms, updates, slow answers), without a database.

import { PassThrough } from "node:stream";
import { createSlackAdapter, type SlackAdapter } from "../../../src/adapters/slack/slack-adapter.js";
import { loadConfig, type SlackConfig } from "../../../src/config.js";
import type { Datadesk } from "../../../src/core/bot/create-datadesk.js";
import type { InboundRequest } from "../../../src/core/bot/inbound-request.js";
import type { Card, FormReply } from "../../../src/core/shared/card.js";
import type { PlatformIdentity } from "../../../src/core/shared/platform.js";
import { createLogger } from "../../../src/ops/logger.js";
import { createMetrics, type Metrics } from "../../../src/ops/metrics.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack-server.js";

export const SCRIPTED_BOT_TOKEN = "xoxb-e2e-scripted-bot-token";
export const SCRIPTED_SIGNING_SECRET = "e2e-scripted-signing-secret";

export const textCard = (text: string): Card => ({
  fallbackText: text,
  blocks: [{ type: "section", text: [text] }],
});

export interface AskedCore {
  identity: PlatformIdentity;
  request: InboundRequest;
}

/** A Datadesk whose answers the test decides, recording what it was asked. */
export interface ScriptedDatadesk {
  core: Datadesk;
  asked: AskedCore[];
  /** What handle() answers; replace per test. */
  answer: (request: InboundRequest, identity: PlatformIdentity) => Promise<FormReply> | FormReply;
  home: () => Promise<Card>;
}

export function scriptedDatadesk(): ScriptedDatadesk {
  const scripted: ScriptedDatadesk = {
    asked: [],
    answer: () => ({ kind: "card", card: textCard("hello"), visibility: "public" }),
    home: async () => textCard("home"),
    core: {
      async handle(identity, request) {
        scripted.asked.push({ identity, request });
        return scripted.answer(request, identity);
      },
      home: () => scripted.home(),
      async describeActor() {
        return { displayName: "x", locale: "en", communityName: "c", roles: ["member"] };
      },
      autocomplete: async () => [],
      unfurl: async () => ({}),
    },
  };
  return scripted;
}

export interface ScriptedSlackAdapter {
  fake: FakeSlack;
  adapter: SlackAdapter;
  scripted: ScriptedDatadesk;
  metrics: Metrics;
  /** The HTTP receiver's events URL ("" in Socket Mode). */
  receiverUrl: string;
  /** Raw JSON log lines the adapter wrote. */
  logs: string[];
  stop(): Promise<void>;
}

/** HTTP receiver (signed requests to `receiverUrl`) or Socket Mode (envelopes through `fake.socket`). */
export async function startScriptedSlackAdapter(
  options: { mode?: "http" | "socket" } = {},
): Promise<ScriptedSlackAdapter> {
  const fake = await startFakeSlack({ waitTimeoutMs: 15_000 });
  const transport =
    options.mode === "socket"
      ? { SLACK_APP_TOKEN: "xapp-1-e2e-scripted-app-token" }
      : { SLACK_SIGNING_SECRET: SCRIPTED_SIGNING_SECRET, PORT: "0", HOST: "127.0.0.1" };
  const config = loadConfig({
    SLACK_BOT_TOKEN: SCRIPTED_BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    ...transport,
  });
  const logs: string[] = [];
  const destination = new PassThrough();
  destination.on("data", (chunk: Buffer) => logs.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const scripted = scriptedDatadesk();
  const metrics = createMetrics({ defaultMetrics: false });
  const adapter = createSlackAdapter({
    config,
    slack: config.slack as SlackConfig,
    core: scripted.core,
    logger: createLogger({ level: "info", secrets: [], destination }),
    metrics,
    routes: [],
  });
  await adapter.start();
  return {
    fake,
    adapter,
    scripted,
    metrics,
    receiverUrl: options.mode === "socket" ? "" : `http://127.0.0.1:${adapter.port()}/slack/events`,
    logs,
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}

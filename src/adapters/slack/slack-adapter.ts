import { App, type AppOptions, webApi } from "@slack/bolt";
import { z } from "zod";
import type { SlackConfig } from "../../config.js";
import type { PlatformHealth } from "../../ops/platform-health.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import type { PlatformAdapterDeps } from "../platform-adapter-deps.js";
import { AckThreadReceiver } from "./ack-thread/ack-thread-receiver.js";
import { boltLogger } from "./bolt-logger.js";
import { createInFlightWork } from "./in-flight-work.js";
import { slackChannelAccess } from "./slack-channel-access.js";
import { summarizeSlackError } from "./slack-errors.js";
import { registerSlackListeners } from "./slack-listeners.js";
import { createSlackOutboxDelivery } from "./slack-outbox-delivery.js";
import { createSlackRequests } from "./slack-requests.js";
import { createSlackUserDirectory } from "./slack-user-directory.js";

export interface SlackAdapter extends PlatformAdapter {
  readonly name: "slack";
  readonly mode: SlackConfig["mode"];
  /** The port Slack's HTTP receiver listens on once started (PORT=0 picks a free one); null in Socket Mode. */
  port(): number | null;
}

export function isSlackAdapter(adapter: PlatformAdapter): adapter is SlackAdapter {
  return adapter.name === "slack" && "port" in adapter;
}

/** How long stop() waits for replies already being worked on. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Chat replies are only useful while the person is still looking: a few quick retries, not
 * @slack/web-api's default of ten over half an hour. Durable notifications go through the outbox.
 */
const WEB_API_OPTIONS = {
  retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4_000, randomize: true },
  timeout: 10_000,
} satisfies webApi.WebClientOptions;

/**
 * datadesk on Slack through Bolt: the HTTP receiver (signed requests on our port, which also
 * serves /healthz and /metrics) or Socket Mode (an outbound WebSocket; no public URL needed),
 * as the configuration says.
 */
export function createSlackAdapter(deps: PlatformAdapterDeps & { slack: SlackConfig }): SlackAdapter {
  const { slack, logger } = deps;
  const log = logger.child({ adapter: "slack" });
  const slackApiUrl = slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {};
  const receiver =
    slack.mode === "http"
      ? new AckThreadReceiver({
          signingSecret: slack.signingSecret,
          port: deps.config.http.port,
          host: deps.config.http.host,
          eventsPath: SLACK_EVENTS_PATH,
          routes: deps.routes,
          logger: log,
        })
      : null;
  const app = new App({
    ...(receiver ? { receiver } : socketModeOptions(slack)),
    token: slack.botToken,
    logger: boltLogger(log),
    clientOptions: { ...WEB_API_OPTIONS, ...slackApiUrl },
    // auth.test runs in start() (app.init), so a bad token fails start instead of a later request.
    deferInitialization: true,
    convoStore: false,
  });

  // Locale lookups must not hold up an answer: one try, a short timeout, no waiting out rate limits.
  const lookups = new webApi.WebClient(slack.botToken, {
    ...slackApiUrl,
    logger: boltLogger(log),
    retryConfig: { retries: 0 },
    timeout: 2_000,
    rejectRateLimitedCalls: true,
  });
  const users = createSlackUserDirectory({
    async fetchProfile(userId) {
      const { user } = await lookups.users.info({ user: userId, include_locale: true });
      const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
      // Slack verifies profile emails; without the users:read.email scope the field is simply absent.
      const email = z.email().max(254).safeParse(user?.profile?.email);
      return {
        locale: user?.locale || undefined,
        displayName: name || undefined,
        email: email.success ? email.data : undefined,
      };
    },
    onError: (error, userId) =>
      log.warn(
        { err: summarizeSlackError(error), userId },
        "users.info failed; answering without the user's locale",
      ),
  });

  // Outbox deliveries: the outbox worker owns retries and waits out rate limits itself, so this
  // client neither retries nor sleeps through a 429; it reports them.
  const outboxClient = new webApi.WebClient(slack.botToken, {
    ...slackApiUrl,
    logger: boltLogger(log),
    retryConfig: { retries: 0 },
    timeout: 10_000,
    rejectRateLimitedCalls: true,
  });
  const delivery = createSlackOutboxDelivery(outboxClient);

  const work = createInFlightWork();
  const requests = createSlackRequests({
    core: deps.core,
    logger: log,
    metrics: deps.metrics,
    users,
    work,
    defaultLocale: deps.config.community.locale,
  });
  registerSlackListeners(app, requests, log);

  let started = false;
  let stopping: Promise<void> | null = null;
  let lastFailure: PlatformHealth["lastFailure"];

  return {
    name: "slack",
    mode: slack.mode,
    port: () => receiver?.port() ?? null,
    delivery,
    channelAccess: slackChannelAccess(lookups),
    health: () => ({
      status: stopping ? "stopped" : started ? "ready" : "starting",
      // Bolt's receiver and Socket Mode client recover by themselves: nothing of ours to rebuild.
      restarts: 0,
      ...(lastFailure ? { lastFailure } : {}),
    }),
    fault(reason, error) {
      lastFailure = { at: new Date().toISOString(), reason };
      log.error(
        { err: summarizeSlackError(error), reason },
        "Slack code failed outside a request; still serving",
      );
    },
    async start() {
      await app.init();
      if (receiver) {
        await app.start();
        log.info(
          { port: receiver.port(), host: deps.config.http.host },
          "Slack HTTP receiver listening (also serving /healthz and /metrics)",
        );
      } else {
        await app.start();
        log.info({}, "Slack Socket Mode connected");
      }
      started = true;
    },
    stop() {
      stopping ??= (async () => {
        if (!started) return;
        // Stop taking work first (close the port / the socket), then let started replies finish.
        const receiverStopped = app
          .stop()
          .catch((err: unknown) => log.warn({ err: summarizeSlackError(err) }, "stopping Bolt failed"));
        if (!(await work.drain(DRAIN_TIMEOUT_MS)))
          log.warn({ timeoutMs: DRAIN_TIMEOUT_MS }, "stopped with Slack replies unfinished");
        await receiverStopped;
        started = false;
      })();
      return stopping;
    },
  };
}

/** Where Slack posts events, commands and interactions (the manifest's request URLs). */
const SLACK_EVENTS_PATH = "/slack/events";

/** Socket Mode: Bolt's own receiver over an outbound WebSocket, acknowledging on this thread. */
function socketModeOptions(slack: SlackConfig): AppOptions {
  return slack.mode === "socket" ? { socketMode: true, appToken: slack.appToken } : {};
}

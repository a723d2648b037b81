/**
 * The load generator of `bench/slack-load.ts`, run in its own process (forked by it) so the
 * servers under test and the client never share an event loop: a busy server delays its own
 * acks, not the client's clock or its sends.
 *
 * Open loop: request i is due at start + i / rate whatever happened to the earlier ones, and its
 * latency is measured from that due time (so a stalled client or server cannot hide latency by
 * sending later: no coordinated omission). Requests are signed as Slack signs them, form-encoded,
 * over fetch (Node's undici, keep-alive connections, no per-origin limit).
 */
import { createHmac } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

export interface LoadRun {
  kind: "run";
  /** The receiver, always http://127.0.0.1:PORT/slack/events. */
  url: string;
  signingSecret: string;
  rate: number;
  /** Form-encoded slash-command bodies, one per request, sent in this order. */
  bodies: string[];
  /** Give up on one request after this long (counted as an error). */
  timeoutMs: number;
}

export interface LoadSample {
  /** ms from the request's due time to the complete response (status and body read). */
  latencyMs: number;
  /** ms the send started after its due time (client-side lag). */
  sendLagMs: number;
  /** HTTP status, or 0 for a network error or timeout. */
  status: number;
  /** Why there was no HTTP answer (status 0): the error's code or name. */
  error?: string;
}

export interface LoadResult {
  kind: "result";
  samples: LoadSample[];
  /** Wall time from the first due time to the last response. */
  elapsedMs: number;
}

function sign(secret: string, body: string, timestamp: number): Record<string, string> {
  const digest = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return {
    "content-type": "application/x-www-form-urlencoded",
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${digest}`,
  };
}

function errorCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return cause.code;
  return error instanceof Error ? error.name : String(error);
}

async function send(
  run: LoadRun,
  body: string,
  headers: Record<string, string>,
  dueAt: number,
): Promise<LoadSample> {
  const sentAt = performance.now();
  let status = 0;
  let error: string | undefined;
  try {
    const response = await fetch(run.url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(run.timeoutMs),
    });
    await response.arrayBuffer();
    status = response.status;
  } catch (caught) {
    status = 0;
    error = errorCode(caught);
  }
  const sample: LoadSample = { latencyMs: performance.now() - dueAt, sendLagMs: sentAt - dueAt, status };
  return error === undefined ? sample : { ...sample, error };
}

export async function runLoad(run: LoadRun): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(run.url)) throw new Error(`refusing to load ${run.url}`);
  // Signed up front (a 10 s run is well inside Slack's 5 minute window), so sending is cheap.
  const timestamp = Math.floor(Date.now() / 1000);
  const signed = run.bodies.map((body) => ({ body, headers: sign(run.signingSecret, body, timestamp) }));
  const intervalMs = 1000 / run.rate;
  const pending: Promise<LoadSample>[] = [];
  const start = performance.now() + 20;
  for (let next = 0; next < signed.length; ) {
    const now = performance.now();
    // Everything due by now goes out, so a late timer catches up instead of shifting the schedule.
    while (next < signed.length && start + next * intervalMs <= now) {
      const request = signed[next];
      if (request) pending.push(send(run, request.body, request.headers, start + next * intervalMs));
      next += 1;
    }
    if (next < signed.length) await sleep(Math.max(0, start + next * intervalMs - performance.now()));
  }
  const samples = await Promise.all(pending);
  return { kind: "result", samples, elapsedMs: performance.now() - start };
}

// As a forked child: one run per message, each answered with its result.
if (process.send) {
  process.on("message", (message: LoadRun | { kind: "exit" }) => {
    if (message.kind === "exit") {
      process.disconnect();
      return;
    }
    runLoad(message).then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ kind: "error", message: String(error) }),
    );
  });
}

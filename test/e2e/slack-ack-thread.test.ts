// Slack's 3-second ack does not wait for the app's thread: the real app (startApp, real Bolt)
// against the fake Slack, with the app's event loop blocked outright while a signed slash
// command is in flight from another thread. The ack thread answers it; the reply follows once
// the app's thread is free again.

import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import {
  type FakeSlack,
  signSlackRequest,
  slashCommandPayload,
  startFakeSlack,
} from "../fakes/slack/index.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const SIGNING_SECRET = "e2e-ack-thread-signing-secret";
/** How long the app's thread is kept from running anything at all. */
const BLOCK_MS = 1_500;

/** Posts one request from its own thread when told to, and reports its status and time to the response. */
const SENDER = `
const { parentPort, workerData } = require("node:worker_threads");
parentPort.once("message", async () => {
  const started = performance.now();
  const res = await fetch(workerData.url, { method: "POST", headers: workerData.headers, body: workerData.body });
  await res.text();
  parentPort.postMessage({ status: res.status, ms: performance.now() - started });
});
`;

function blockThisThread(ms: number): void {
  // Atomics.wait blocks the thread itself: no timer, I/O callback or promise can run meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe("Slack acks from their own thread", () => {
  let fake: FakeSlack;
  let desk: TestApp;
  let receiverUrl: string;

  beforeAll(async () => {
    fake = await startFakeSlack({ waitTimeoutMs: 15_000 });
    desk = await startTestApp({
      SLACK_BOT_TOKEN: "xoxb-e2e-ack-thread",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    const port = desk.app.adapters.find(isSlackAdapter)?.port();
    if (!port) throw new Error("the Slack adapter did not report its port");
    receiverUrl = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await desk?.close();
    await fake?.close();
  });

  it("acknowledges a slash command while the app's thread is blocked, and answers once it is free", async () => {
    const body = new URLSearchParams(
      slashCommandPayload({ text: "help", response_url: fake.responseUrl("blocked-1") }),
    ).toString();
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      ...signSlackRequest(SIGNING_SECRET, body),
    };
    const sender = new Worker(SENDER, { eval: true, workerData: { url: receiverUrl, headers, body } });
    try {
      const result = new Promise<{ status: number; ms: number }>((resolve, reject) => {
        sender.once("message", resolve);
        sender.once("error", reject);
      });
      sender.postMessage("go");
      blockThisThread(BLOCK_MS);
      const { status, ms } = await result;
      expect(status).toBe(200);
      // Acked while the app's thread could not run: well inside the time it was blocked.
      expect(ms).toBeLessThan(BLOCK_MS / 2);
    } finally {
      await sender.terminate();
    }
    const { body: reply } = await fake.waitForResponse("blocked-1");
    expect(String(reply.text)).toContain("datadesk");
  });
});

// Sends requests to an HTTP receiver (Bolt's HTTPReceiver/ExpressReceiver) exactly as Slack does:
//   slash commands  application/x-www-form-urlencoded, one field per parameter
//   events          application/json, the event_callback envelope (+ X-Slack-Retry-* on redelivery)
//   interactions    application/x-www-form-urlencoded with a single `payload=<JSON>` field
// each signed per https://docs.slack.dev/authentication/verifying-requests-from-slack:
//   x-slack-signature: v0=hex(HMAC_SHA256(signingSecret, "v0:" + timestamp + ":" + rawBody))
// Bolt rejects (401) a bad signature or a timestamp more than 5 minutes in the past.

import { createHmac } from "node:crypto";
import { type SlashCommandFields, slashCommandPayload } from "./slack-payloads.js";

export * from "./slack-payloads.js";

export interface SlackSignatureHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = nowSeconds(),
): SlackSignatureHeaders {
  const digest = createHmac("sha256", signingSecret)
    .update(`v0:${timestampSeconds}:${rawBody}`)
    .digest("hex");
  return { "x-slack-signature": `v0=${digest}`, "x-slack-request-timestamp": String(timestampSeconds) };
}

export interface SignedPostOptions {
  /** Signed and sent timestamp; e.g. `nowSeconds() - 6 * 60` for a stale (replayed) request. */
  timestampSeconds?: number;
  /** Flip the last hex digit of an otherwise valid signature. */
  corruptSignature?: boolean;
  /** Send no signature headers at all. */
  omitSignature?: boolean;
  /** Slack's redelivery headers (X-Slack-Retry-Num / X-Slack-Retry-Reason), e.g. 1 / "http_timeout". */
  retryNum?: number;
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface SlackPostResult {
  status: number;
  /** Raw response text ("" for a bare ack()). */
  body: string;
  /** `body` parsed as JSON when it is JSON (ack({...}) responses), else undefined. */
  json: unknown;
  headers: Headers;
}

function corrupt(signature: string): string {
  const last = signature.at(-1) === "0" ? "1" : "0";
  return `${signature.slice(0, -1)}${last}`;
}

/** Signs `rawBody` and POSTs it; the building block of the three helpers below. */
export async function postSignedRequest(
  url: string,
  signingSecret: string,
  rawBody: string,
  contentType: string,
  options: SignedPostOptions = {},
): Promise<SlackPostResult> {
  const headers: Record<string, string> = {
    "content-type": contentType,
    // Slack's own user agent; some apps log or branch on it.
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...options.headers,
  };
  if (!options.omitSignature) {
    const signed = signSlackRequest(signingSecret, rawBody, options.timestampSeconds);
    headers["x-slack-request-timestamp"] = signed["x-slack-request-timestamp"];
    headers["x-slack-signature"] = options.corruptSignature
      ? corrupt(signed["x-slack-signature"])
      : signed["x-slack-signature"];
  }
  if (options.retryNum !== undefined) headers["x-slack-retry-num"] = String(options.retryNum);
  if (options.retryReason !== undefined) headers["x-slack-retry-reason"] = options.retryReason;

  const response = await fetch(url, { method: "POST", headers, body: rawBody });
  const body = await response.text();
  let json: unknown;
  try {
    json = body === "" ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: response.status, body, json, headers: response.headers };
}

/**
 * POSTs a slash command form-encoded. Missing fields get slashCommandPayload()'s realistic defaults,
 * so `{ command: "/datadesk", text: "help", response_url: fake.responseUrl() }` is enough.
 */
export function postSlashCommand(
  receiverUrl: string,
  signingSecret: string,
  fields: SlashCommandFields,
  options?: SignedPostOptions,
): Promise<SlackPostResult> {
  const form = new URLSearchParams(slashCommandPayload(fields));
  return postSignedRequest(
    receiverUrl,
    signingSecret,
    form.toString(),
    "application/x-www-form-urlencoded",
    options,
  );
}

/** POSTs an Events API envelope (event_callback or url_verification) as JSON. */
export function postEvent(
  receiverUrl: string,
  signingSecret: string,
  envelope: Record<string, unknown>,
  options?: SignedPostOptions,
): Promise<SlackPostResult> {
  return postSignedRequest(receiverUrl, signingSecret, JSON.stringify(envelope), "application/json", options);
}

/** POSTs an interaction (block_actions, view_submission, ...) as the form field `payload=<JSON>`. */
export function postInteraction(
  receiverUrl: string,
  signingSecret: string,
  payload: Record<string, unknown>,
  options?: SignedPostOptions,
): Promise<SlackPostResult> {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  return postSignedRequest(
    receiverUrl,
    signingSecret,
    form.toString(),
    "application/x-www-form-urlencoded",
    options,
  );
}

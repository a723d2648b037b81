// A fake Slack platform on 127.0.0.1 for end-to-end tests of the real @slack/bolt, offline.
//
// HTTP routes:
//   POST /api/<method>    Web API. @slack/web-api posts `${slackApiUrl}${method}` form-encoded
//                         (objects such as blocks/view JSON-stringified inside the form), token in
//                         `Authorization: Bearer`. Answers 200 JSON `{ok:true,...}` / `{ok:false,error}`,
//                         429 + Retry-After for rate limits; any other status is an HTTP error.
//   POST /response/<id>   response_url target for Bolt's respond() (JSON body).
//   GET  /link/?ticket=   Socket Mode WebSocket (see fake-socket-mode.ts).

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CallRecorder } from "./call-recorder.js";
import { FakeSocketMode, SOCKET_MODE_PATH } from "./fake-socket-mode.js";
import {
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_DOMAIN,
  FAKE_TEAM_ID,
  fakeId,
} from "./fake-workspace.js";
import {
  type ApiBody,
  defaultWebApiResponse,
  type FakeUserProfile,
  type WorkspaceContext,
} from "./web-api-responses.js";

export type { ApiBody, FakeUserProfile } from "./web-api-responses.js";

/** Pseudo method name under which response_url posts can be failed with failNext(). */
export const RESPONSE_URL_METHOD = "response_url";

export interface RecordedCall {
  method: string;
  /** Decoded body: JSON or form fields, with JSON-in-form fields (blocks, view, ...) parsed. */
  body: ApiBody;
  /** Bearer token from the Authorization header, else the `token` body field. */
  token: string | undefined;
  /** HTTP status the fake answered with (200, or a scripted 429/5xx). */
  status: number;
  /** True when the fake answered `{ok:true}`; false for scripted failures. */
  ok: boolean;
  response: ApiBody | undefined;
}

export interface RecordedResponseUrlPost {
  id: string;
  body: ApiBody;
  status: number;
}

/**
 * A scripted failure. `{status: 429, retryAfter}` is a rate limit (WebClient sleeps and retries);
 * any other `status` is an HTTP error (WebAPIHTTPError, which p-retry DOES retry per `retryConfig`:
 * Bolt's default is 10 tries over ~30 min, so pass `retryConfig` in tests that script 5xx);
 * `{error}` is Slack's usual 200 `{ok:false,error}` (WebClient throws WebAPIPlatformError).
 */
export type ScriptedFailure = { status: number; retryAfter?: number } | { error: string; extra?: ApiBody };

export type ResponseOverride = (call: { body: ApiBody; token: string | undefined }) => ApiBody;

export interface FakeSlackOptions {
  teamId?: string;
  appId?: string;
  botUserId?: string;
  botId?: string;
  /** users.info overrides by user id, e.g. `{ U1: { locale: "de-DE" } }`. */
  users?: Record<string, FakeUserProfile>;
  /** Default timeout for waitForCall/waitForResponse. */
  waitTimeoutMs?: number;
  /**
   * The bot token's scopes, sent as Slack does in every Web API response's `x-oauth-scopes`
   * header (WebClient reads it into `response_metadata.scopes`). Omitted: no header.
   */
  grantedScopes?: readonly string[];
}

export interface FakeSlack {
  /** e.g. "http://127.0.0.1:PORT/api/" — pass as Bolt `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  readonly baseUrl: string;
  /** Every Web API call, in arrival order (live array). */
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** First call (already made or future) to `method` matching `predicate`. */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** The next `times` calls to `method` fail as scripted, then normal service resumes. */
  failNext(method: string, failure: ScriptedFailure, times?: number): void;
  /** Replaces the canned success response for `method` (e.g. conversations.history data). */
  setResponse(method: string, override: ResponseOverride): void;
  /** A response_url on this fake; put it in slash-command / interaction payloads. */
  responseUrl(id?: string): string;
  readonly responses: readonly RecordedResponseUrlPost[];
  waitForResponse(
    id?: string,
    predicate?: (post: RecordedResponseUrlPost) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedResponseUrlPost>;
  readonly socket: FakeSocketMode;
  /** Forgets recorded calls, responses, scripted failures and overrides. */
  reset(): void;
  /** Stop Bolt first (app.stop()), then close the fake; see FakeSocketMode.close. */
  close(): Promise<void>;
}

// Fields @slack/web-api JSON-stringifies into form bodies. Decoding only known names avoids
// turning a user's literal text such as "[1]" into an array.
const JSON_FORM_FIELDS = new Set([
  "blocks",
  "attachments",
  "view",
  "unfurls",
  "metadata",
  "user_auth_blocks",
  "user_auth_message",
  "profile",
]);

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function decodeBody(raw: Buffer, contentType: string): Promise<ApiBody> {
  if (raw.length === 0) return {};
  if (contentType.includes("application/json")) {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as ApiBody) : { value: parsed };
  }
  const body: ApiBody = {};
  if (contentType.includes("multipart/form-data")) {
    // Binary uploads (files.* with Buffers); the WHATWG parser in Node handles the boundary.
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    form.forEach((value, key) => {
      body[key] = typeof value === "string" ? value : { filename: value.name, size: value.size };
    });
  } else {
    for (const [key, value] of new URLSearchParams(raw.toString("utf8"))) body[key] = value;
  }
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (JSON_FORM_FIELDS.has(key) && typeof value === "string") {
      try {
        body[key] = JSON.parse(value);
      } catch {
        // Leave malformed JSON as sent so a test can still assert on it.
      }
    }
  }
  return body;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: ApiBody,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const waitTimeoutMs = options.waitTimeoutMs ?? 5_000;
  const calls = new CallRecorder<RecordedCall>();
  const responses = new CallRecorder<RecordedResponseUrlPost>();
  const failures = new Map<string, ScriptedFailure[]>();
  const overrides = new Map<string, ResponseOverride>();
  const appId = options.appId ?? FAKE_APP_ID;
  const socket = new FakeSocketMode(appId);
  let baseUrl = "";

  const ctx: WorkspaceContext = {
    teamId: options.teamId ?? FAKE_TEAM_ID,
    teamDomain: FAKE_TEAM_DOMAIN,
    appId,
    botUserId: options.botUserId ?? FAKE_BOT_USER_ID,
    botId: options.botId ?? FAKE_BOT_ID,
    users: options.users ?? {},
    socketModeUrl: () =>
      `${baseUrl.replace(/^http/, "ws")}${SOCKET_MODE_PATH}?ticket=${fakeId("TK")}&app_id=${appId}`,
  };

  const takeFailure = (method: string): ScriptedFailure | undefined => failures.get(method)?.shift();

  async function handleWebApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const body = await decodeBody(await readRawBody(req), req.headers["content-type"] ?? "");
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof body.token === "string" ? body.token : undefined);
    const failure = takeFailure(method);
    let status = 200;
    let response: ApiBody | undefined;
    const headers: Record<string, string> = {};
    if (options.grantedScopes) headers["x-oauth-scopes"] = options.grantedScopes.join(",");
    if (failure !== undefined && "error" in failure) {
      response = { ok: false, error: failure.error, ...failure.extra };
    } else if (failure !== undefined) {
      status = failure.status;
      if (status === 429) {
        // Slack always sends Retry-After with a 429; WebClient aborts without it.
        headers["retry-after"] = String(failure.retryAfter ?? 1);
        response = { ok: false, error: "ratelimited" };
      }
    } else {
      response = overrides.get(method)?.({ body, token }) ?? defaultWebApiResponse(method, body, ctx);
    }
    calls.record({ method, body, token, status, ok: status === 200 && response?.ok === true, response });
    if (response === undefined) {
      res.writeHead(status, { "content-type": "text/plain" });
      res.end("fake Slack: scripted server error");
    } else {
      sendJson(res, status, response, headers);
    }
  }

  async function handleResponseUrl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const body = await decodeBody(await readRawBody(req), req.headers["content-type"] ?? "application/json");
    const failure = takeFailure(RESPONSE_URL_METHOD);
    // Expired/used response_urls are 404s on real Slack; Bolt's respond() throws on any non-2xx.
    const status = failure === undefined ? 200 : "error" in failure ? 404 : failure.status;
    responses.record({ id, body, status });
    sendJson(res, status, status === 200 ? { ok: true } : { ok: false, error: "expired_url" });
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const apiMatch = /^\/api\/([\w.]+)$/.exec(path);
    const responseMatch = /^\/response\/([^/]+)$/.exec(path);
    const handled = apiMatch?.[1]
      ? handleWebApi(req, res, apiMatch[1])
      : responseMatch?.[1]
        ? handleResponseUrl(req, res, decodeURIComponent(responseMatch[1]))
        : undefined;
    if (handled === undefined) {
      sendJson(res, 404, { ok: false, error: "unknown_path", path });
      return;
    }
    handled.catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 400, { ok: false, error: "invalid_request", detail: String(error) });
    });
  });
  server.on("upgrade", (req, duplex, head) => {
    if (!socket.handleUpgrade(req, duplex, head)) duplex.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    calls: calls.items,
    callsTo: (method) => calls.items.filter((c) => c.method === method),
    waitForCall: (method, predicate = () => true, timeoutMs = waitTimeoutMs) =>
      calls.waitFor(
        (c) => c.method === method && predicate(c),
        timeoutMs,
        () => `a ${method} call (saw: ${calls.items.map((c) => c.method).join(", ") || "none"})`,
      ),
    failNext: (method, failure, times = 1) => {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    setResponse: (method, override) => {
      overrides.set(method, override);
    },
    responseUrl: (id = fakeId("R")) => `${baseUrl}/response/${encodeURIComponent(id)}`,
    responses: responses.items,
    waitForResponse: (id, predicate = () => true, timeoutMs = waitTimeoutMs) =>
      responses.waitFor(
        (p) => (id === undefined || p.id === id) && predicate(p),
        timeoutMs,
        () => `a response_url post${id === undefined ? "" : ` to ${id}`}`,
      ),
    socket,
    reset: () => {
      calls.clear();
      responses.clear();
      failures.clear();
      overrides.clear();
    },
    close: async () => {
      calls.rejectAll("fake Slack closed");
      responses.rejectAll("fake Slack closed");
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

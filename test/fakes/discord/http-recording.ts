/**
 * HTTP-level helpers of the fake REST server: turning a Node request into a RecordedCall (JSON or
 * multipart with payload_json, as @discordjs/rest sends attachments) and injected failures.
 */
import type { IncomingMessage } from "node:http";
import type { RecordedCall } from "./interaction-ledger.js";
import { apiError, type RestResult } from "./rest-kit.js";

/** Which calls `failNext` applies to: RegExp tested against "METHOD /path", a predicate, or fields. */
export type CallMatcher =
  | RegExp
  | ((call: RecordedCall) => boolean)
  | { method?: string; path?: string | RegExp };

/** `retryAfter` is in seconds (fractions allowed); @discordjs/rest waits that long, then retries. */
export type InjectedFailure =
  | { status: 429; retryAfter: number; global?: boolean }
  | { status: number; code?: number; message?: string };

export function callMatches(matcher: CallMatcher, call: RecordedCall): boolean {
  if (typeof matcher === "function") return matcher(call);
  if (matcher instanceof RegExp) return matcher.test(`${call.method} ${call.path}`);
  if (matcher.method && matcher.method.toUpperCase() !== call.method) return false;
  if (matcher.path === undefined) return true;
  return typeof matcher.path === "string" ? matcher.path === call.path : matcher.path.test(call.path);
}

export function failureResult(failure: InjectedFailure): RestResult {
  if ("retryAfter" in failure) {
    return {
      status: 429,
      body: {
        message: "You are being rate limited.",
        retry_after: failure.retryAfter,
        global: !!failure.global,
      },
      // @discordjs/rest reads the Retry-After header (seconds, fractions honoured), not the body.
      headers: {
        "retry-after": String(failure.retryAfter),
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": String(failure.retryAfter),
        "x-ratelimit-scope": failure.global ? "global" : "user",
        ...(failure.global ? { "x-ratelimit-global": "true" } : {}),
      },
    };
  }
  return apiError(
    failure.status,
    failure.code ?? 0,
    failure.message ?? `${failure.status}: Injected failure`,
  );
}

export async function readCall(req: IncomingMessage): Promise<RecordedCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(req.url ?? "/", "http://fake");
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : (v ?? "");
  const call: RecordedCall = {
    method: req.method ?? "GET",
    // discord.js requests `${api}/v10/route` with `@original` escaped as %40original; record `/route`.
    path: decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?(?=\/)/, ""),
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    files: [],
    headers,
    status: 0,
    at: Date.now(),
  };
  const type = headers["content-type"] ?? "";
  if (raw.length > 0 && type.startsWith("multipart/form-data")) {
    // Attachments: payload_json carries the JSON body, every other part is a file.
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    for (const [field, value] of form) {
      if (typeof value !== "string") {
        call.files.push({ field, name: value.name, contentType: value.type, size: value.size });
      } else if (field === "payload_json") {
        call.body = JSON.parse(value);
      }
    }
  } else if (raw.length > 0) {
    call.body = type.includes("json") ? JSON.parse(raw.toString("utf8")) : raw.toString("utf8");
  }
  return call;
}

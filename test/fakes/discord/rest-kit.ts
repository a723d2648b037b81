/**
 * Shared pieces of the fake REST API: the route/handler types, Discord-style JSON error bodies and the
 * translation of message create/edit bodies into stored message fields (with Discord's validation).
 */
import { type APIMessage, MessageFlags } from "discord.js";
import type { InteractionLedger, RecordedCall } from "./interaction-ledger.js";
import { type FakeWorld, nextSnowflake } from "./world.js";

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  world: FakeWorld;
  ledger: InteractionLedger;
  gatewayUrl: string;
  /** Reject callbacks arriving later than this after dispatch (Discord's limit is 3 s); off by default. */
  interactionDeadlineMs: number | undefined;
}

/** Receives the route's regex captures (ids, tokens) and the recorded call. Must stay synchronous. */
export type Handler = (params: string[], call: RecordedCall) => RestResult;
export type Route = [pattern: RegExp, handlers: Partial<Record<string, Handler>>];

export const ok = (body: unknown): RestResult => ({ status: 200, body });
export const noContent: RestResult = { status: 204 };
export const apiError = (status: number, code: number, message: string, errors?: unknown): RestResult => ({
  status,
  body: { message, code, ...(errors ? { errors } : {}) },
});
export const notFoundRoute = (): RestResult => apiError(404, 0, "404: Not Found");
export const unknownMessage = (): RestResult => apiError(404, 10008, "Unknown Message");

export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The subset of a message create/edit body the fake turns into message fields. */
export function messageFields(body: unknown, call: RecordedCall): Partial<APIMessage> {
  const b = record(body);
  const fields: Partial<APIMessage> = {};
  if (typeof b.content === "string") fields.content = b.content;
  if (Array.isArray(b.embeds)) fields.embeds = b.embeds;
  if (Array.isArray(b.components)) fields.components = b.components;
  if (typeof b.flags === "number") fields.flags = b.flags;
  if (typeof b.tts === "boolean") fields.tts = b.tts;
  if (call.files.length > 0) {
    fields.attachments = call.files.map((f) => {
      const id = nextSnowflake();
      const url = `https://cdn.discordapp.com/attachments/0/${id}/${f.name}`;
      return { id, filename: f.name, size: f.size, url, proxy_url: url, content_type: f.contentType };
    });
  }
  return fields;
}

/** The checks Discord applies that bots most often trip over: empty messages and over-long content. */
export function invalidMessage(body: unknown, call: RecordedCall, creating: boolean): RestResult | undefined {
  const b = record(body);
  if (typeof b.content === "string" && b.content.length > 2000) {
    return apiError(400, 50035, "Invalid Form Body", {
      content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }] },
    });
  }
  const nonEmpty = (v: unknown) =>
    Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v !== "" : v != null;
  const hasPayload = ["content", "embeds", "components", "sticker_ids", "poll"].some((k) => nonEmpty(b[k]));
  if (creating && !hasPayload && call.files.length === 0) {
    return apiError(400, 50006, "Cannot send an empty message");
  }
  return undefined;
}

/** Applies an edit to a stored message; an edit also ends a deferred reply's "thinking…" state. */
export function updateStoredMessage(
  world: FakeWorld,
  id: string | undefined,
  body: unknown,
  call: RecordedCall,
): APIMessage | undefined {
  const existing = id ? world.messages.get(id) : undefined;
  if (!existing) return undefined;
  const flags = (existing.flags ?? 0) & ~MessageFlags.Loading;
  const updated: APIMessage = { ...existing, flags, edited_timestamp: new Date().toISOString() };
  Object.assign(updated, messageFields(body, call));
  world.messages.set(updated.id, updated);
  return updated;
}

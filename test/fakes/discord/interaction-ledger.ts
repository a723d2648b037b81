/**
 * Tracks every interaction the fake dispatched so REST can behave like Discord: the callback must name
 * a known interaction, may be sent only once (40060), optionally within a deadline (10062), and the
 * interaction token then addresses the webhook routes (`@original` edits, follow-ups).
 */
import type { APIInteraction, InteractionResponseType, InteractionType } from "discord.js";
import { RecordingList } from "./recording-list.js";

/** A REST request as the fake saw it. `path` is relative to the versioned API base (e.g. `/users/@me`). */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body; `undefined` if none. */
  body: unknown;
  /** Files of a multipart body (their bytes are not kept). */
  files: Array<{ field: string; name: string; contentType: string; size: number }>;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** Status the fake answered with (including injected failures). */
  status: number;
  at: number;
}

export interface InteractionCallbackRecord {
  interactionId: string;
  interactionType: InteractionType;
  type: InteractionResponseType;
  /** `body.data` of the callback: the message/modal/choices the bot responded with. */
  data: unknown;
  call: RecordedCall;
}

export interface TrackedInteraction {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string | undefined;
  guildId: string | undefined;
  /** The message a component/modal interaction came from (target of type 6/7 responses). */
  sourceMessageId: string | undefined;
  dispatchedAt: number;
  acknowledged: boolean;
  /** The message `@original` refers to once the interaction was answered. */
  originalMessageId: string | undefined;
}

export class InteractionLedger {
  private readonly byId = new Map<string, TrackedInteraction>();
  private readonly byToken = new Map<string, TrackedInteraction>();
  readonly callbacks = new RecordingList<InteractionCallbackRecord>("interaction callback");

  track(payload: APIInteraction): void {
    const tracked: TrackedInteraction = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      channelId: payload.channel?.id ?? payload.channel_id,
      guildId: payload.guild_id,
      sourceMessageId: payload.message?.id,
      dispatchedAt: Date.now(),
      acknowledged: false,
      originalMessageId: undefined,
    };
    this.byId.set(tracked.id, tracked);
    this.byToken.set(tracked.token, tracked);
  }

  get(id: string): TrackedInteraction | undefined {
    return this.byId.get(id);
  }

  byWebhookToken(token: string): TrackedInteraction | undefined {
    return this.byToken.get(token);
  }

  /** `explain` adds context to the timeout error, e.g. the REST calls the bot made for this interaction. */
  waitForCallback(
    interactionId: string,
    timeoutMs: number,
    explain?: () => string,
  ): Promise<InteractionCallbackRecord> {
    return this.callbacks.waitFor(
      (c) => c.interactionId === interactionId,
      timeoutMs,
      () => `The bot did not acknowledge interaction ${interactionId}. ${explain?.() ?? ""}`,
    );
  }
}

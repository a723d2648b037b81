import type { Datadesk } from "../../core/bot/create-datadesk.js";
import type { InboundRequest } from "../../core/bot/inbound-request.js";
import { normalizeLocale } from "../../core/i18n/locales.js";
import { translator } from "../../core/i18n/translator.js";
import type { ThreadActivityOutcome } from "../../core/problems/record-thread-activity.js";
import type { ThreadActivity } from "../../core/problems/thread-activity.js";
import type { Card, FormReply, Reply } from "../../core/shared/card.js";
import type { PlatformIdentity } from "../../core/shared/platform.js";
import type { AppLogger } from "../../ops/logger.js";
import type { Metrics } from "../../ops/metrics.js";
import type { InFlightWork } from "./in-flight-work.js";
import { summarizeSlackError } from "./slack-errors.js";
import type { SlackUserDirectory } from "./slack-user-directory.js";
import {
  createSlashCommandReplays,
  type SlashCommandKey,
  type SlashCommandReplays,
} from "./slash-command-replays.js";

/** What the core accepts as one message (inbound-request.ts); longer text is refused politely. */
export const MAX_REQUEST_TEXT = 4000;

type TextRequest = Extract<InboundRequest, { kind: "commandText" | "message" }>;
export type CardReply = Extract<Reply, { kind: "card" }>;

export type RequestKind = "command" | "message" | "action" | "home" | "unfurl" | "form" | "shortcut";
/**
 * ok: answered (or nothing to say); invalid: a payload we could not read; failed: Slack refused our
 * answer; duplicate: an event we already handled (a Slack retry), skipped.
 */
export type RequestOutcome = "ok" | "invalid" | "failed" | "duplicate";

/** Who is asking, as a payload says it. */
export interface Asker {
  teamId: string;
  userId: string;
  /** The payload's user name, used when users.info has none. */
  fallbackName?: string | undefined;
  /** The conversation the request came from, when the payload names one. */
  channelId?: string | undefined;
}

export interface SlackRequestDeps {
  core: Datadesk;
  logger: AppLogger;
  metrics: Metrics;
  users: SlackUserDirectory;
  work: InFlightWork;
  /** The community's configured language, for words we say before we know who is asking. */
  defaultLocale: string | undefined;
  /** Copies of slash commands already answered (default: in memory, 10 minutes). */
  commandReplays?: SlashCommandReplays;
}

/**
 * The steps every Slack listener shares: who is asking, what the core answers (timed), words the
 * adapter says itself, and running the whole exchange so it is counted, tracked for shutdown and
 * can never throw into Bolt.
 */
export interface SlackRequests {
  serve(kind: RequestKind, exchange: () => Promise<RequestOutcome>): Promise<void>;
  /**
   * Whether an Events API event is new. Slack retries an event (same event_id) when our ack was
   * slow or failed, so a retry of one we already took must not be answered again. Without an
   * event_id every event counts as new.
   */
  firstTime(eventId: string | undefined): Promise<boolean>;
  /** Whether a slash command is new, not a replayed copy (see slash-command-replays.ts); never waits. */
  firstCommand(command: SlashCommandKey): boolean;
  identify(who: Asker): Promise<PlatformIdentity>;
  answer(kind: RequestKind, identity: PlatformIdentity, request: InboundRequest): Promise<FormReply>;
  /** Typed text for the core, politely refused when it is longer than the core accepts. */
  answerText(kind: RequestKind, identity: PlatformIdentity, request: TextRequest): Promise<FormReply>;
  home(identity: PlatformIdentity): Promise<Card>;
  /** Dataset cards for shared links (url → card); empty when none is a dataset we know. */
  unfurl(identity: PlatformIdentity, urls: readonly string[]): Promise<Record<string, Card>>;
  /** A reply, edit or deletion in a thread, for the core (null when it failed). */
  threadActivity(activity: ThreadActivity): Promise<ThreadActivityOutcome | null>;
  /** A one-line ephemeral card in the person's language (or the community's), from the slack namespace. */
  notice(locale: string | undefined, key: string, values?: Record<string, unknown>): CardReply;
}

export function createSlackRequests(deps: SlackRequestDeps): SlackRequests {
  const { core, logger, metrics } = deps;
  const commandReplays = deps.commandReplays ?? createSlashCommandReplays();

  function timed<T>(kind: RequestKind, task: () => Promise<T>): Promise<T> {
    const end = metrics.requestSeconds.startTimer({ platform: "slack", kind });
    return task().finally(() => end());
  }

  function notice(locale: string | undefined, key: string, values?: Record<string, unknown>): CardReply {
    const t = translator(normalizeLocale(locale) ?? normalizeLocale(deps.defaultLocale) ?? "en");
    const text = t(key, values);
    return {
      kind: "card",
      visibility: "ephemeral",
      card: { fallbackText: text, blocks: [{ type: "section", text: [text] }] },
    };
  }

  return {
    async serve(kind, exchange) {
      await deps.work.run(async () => {
        let outcome: RequestOutcome;
        try {
          outcome = await exchange();
        } catch (error) {
          outcome = "failed";
          logger.error({ err: summarizeSlackError(error), kind }, "could not answer a Slack request");
        }
        metrics.requests.inc({ platform: "slack", kind, outcome });
      });
    },
    async firstTime(eventId) {
      if (eventId === undefined || !core.firstTime) return true;
      const first = await core.firstTime("slack", eventId);
      if (!first) logger.info({ eventId }, "skipped a Slack event we already handled");
      return first;
    },
    firstCommand(command) {
      const first = commandReplays.firstTime(command);
      if (!first)
        logger.info(
          { command: command.command, triggerId: command.trigger_id },
          "skipped a copy of a Slack slash command",
        );
      return first;
    },
    async identify({ teamId, userId, fallbackName, channelId }) {
      const profile = await deps.users.lookup(teamId, userId);
      const displayName = (profile.displayName ?? fallbackName)?.slice(0, 200);
      const locale = profile.locale?.slice(0, 35);
      return {
        platform: "slack",
        workspaceId: teamId,
        userId,
        ...(displayName ? { displayName } : {}),
        ...(locale ? { locale } : {}),
        ...(channelId ? { channelId } : {}),
        ...(profile.email ? { email: profile.email } : {}),
      };
    },
    answer(kind, identity, request) {
      return timed(kind, () => core.handle(identity, request));
    },
    async answerText(kind, identity, request) {
      if (request.text.length > MAX_REQUEST_TEXT) {
        return notice(identity.locale, "slack:messageTooLong", { max: MAX_REQUEST_TEXT });
      }
      return timed(kind, () => core.handle(identity, request));
    },
    async home(identity) {
      try {
        return await timed("home", () => core.home(identity));
      } catch (error) {
        // Unlike handle(), home() can throw (database down); the tab should still say something.
        logger.error({ err: error }, "could not build the Slack App Home");
        const reply = notice(identity.locale, "slack:homeUnavailable");
        return reply.card;
      }
    },
    unfurl(identity, urls) {
      return timed("unfurl", () => core.unfurl(identity, urls));
    },
    async threadActivity(activity) {
      if (!core.threadActivity) return { kind: "not-a-problem-thread" };
      return timed("message", () => core.threadActivity?.(activity) ?? Promise.resolve(null));
    },
    notice,
  };
}

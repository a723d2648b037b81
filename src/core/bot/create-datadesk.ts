import { unfurlDatasetLinks } from "../catalog/unfurl-dataset-links.js";
import { invocationOf } from "../commands/invocation.js";
import { argsFromText, splitCommandText } from "../commands/parse-command-text.js";
import { findCommand } from "../commands/registry.js";
import { showHome } from "../help/show-home.js";
import { normalizeLocale } from "../i18n/locales.js";
import { translator } from "../i18n/translator.js";
import { resolveActor } from "../people/resolve-actor.js";
import {
  followThreadChange,
  recordThreadReply,
  type ThreadActivityOutcome,
} from "../problems/record-thread-activity.js";
import { type ThreadActivity, threadActivitySchema } from "../problems/thread-activity.js";
import { type Card, ephemeral, type FormReply, type Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { Choice, CommandArgs } from "../shared/handlers.js";
import { ownEntry } from "../shared/own-entry.js";
import type { Platform, PlatformIdentity } from "../shared/platform.js";
import type { CoreDeps } from "./core-deps.js";
import { errorReply } from "./error-reply.js";
import type { InboundRequest } from "./inbound-request.js";
import type { RequestContext } from "./request-context.js";
import {
  actionHandlers,
  autocompleteHandlers,
  commandHandlers,
  formHandlers,
  freeTextHandler,
  shortcutHandlers,
} from "./routes.js";
import { defaultWriteRateLimit, type WriteRateLimit, WriteRateLimiter } from "./write-rate-limit.js";

/** The platform-neutral bot every adapter talks to. */
export interface Datadesk {
  /**
   * Answers one request. Never throws: failures come back as a friendly ephemeral card. Only a
   * request of kind "form" can be answered with `errors` (shown in the form).
   */
  handle(identity: PlatformIdentity, request: InboundRequest): Promise<FormReply>;
  /** The person's home view (Slack App Home). */
  home(identity: PlatformIdentity): Promise<Card>;
  /** Who this identity is to us: adapters use it to speak the person's language in their own chrome. */
  describeActor(identity: PlatformIdentity): Promise<ActorSummary>;
  /**
   * Previews for links shared in a conversation: url → card for each link to a dataset we know.
   * Never throws (empty on failure): a missing preview must not disturb the conversation.
   */
  unfurl(identity: PlatformIdentity, urls: readonly string[]): Promise<Record<string, Card>>;
  /** Suggestions for a command option as the person types; never throws (empty on failure). */
  autocomplete(
    identity: PlatformIdentity,
    query: { command: string; option: string; text: string },
  ): Promise<Choice[]>;
  /**
   * Whether this platform event (Slack event_id, Discord message or interaction id) is new:
   * adapters skip one that is not, because platforms redeliver (Slack retries, gateway replays).
   * Never throws: if the store fails it answers true, since answering twice beats never answering.
   * Optional so adapters can be driven by a core without it (they then treat every event as new).
   */
  firstTime?(platform: Platform, eventId: string): Promise<boolean>;
  /**
   * A reply, an edit or a deletion in a thread: in a problem card's thread it is stored as a
   * comment and followed in the problem's other threads (record-thread-activity.ts); anything
   * else is left alone. Never throws (null on failure or unreadable input). Optional like
   * firstTime, for cores that do not keep problem conversations.
   */
  threadActivity?(activity: ThreadActivity): Promise<ThreadActivityOutcome | null>;
}

/** Longer ids are not a platform's: we do not store them, and treat the event as new. */
const MAX_EVENT_ID_LENGTH = 200;

export interface ActorSummary {
  displayName: string;
  locale: string;
  communityName: string;
  roles: string[];
}

export interface DatadeskOptions {
  /** Per-person limit on writes (button presses, form submissions). */
  writeRateLimit?: WriteRateLimit;
}

export function createDatadesk(deps: CoreDeps, options: DatadeskOptions = {}): Datadesk {
  const writes = new WriteRateLimiter(deps.clock, options.writeRateLimit ?? defaultWriteRateLimit);
  async function context(identity: PlatformIdentity): Promise<RequestContext> {
    const community = await deps.people.communityForWorkspace(identity.platform, identity.workspaceId);
    const actor = await resolveActor(deps, identity, community);
    return { deps, identity, actor, community, t: translator(actor.locale) };
  }

  async function route(ctx: RequestContext, request: InboundRequest): Promise<FormReply> {
    switch (request.kind) {
      case "command":
        return runCommand(ctx, request.name, request.args);
      case "commandText": {
        const { name, rest } = splitCommandText(request.text);
        if (name === "") return runCommand(ctx, "help", {});
        const spec = findCommand(name);
        if (!spec) return unknownCommand(ctx, name);
        return runCommand(ctx, name, argsFromText(spec, rest));
      }
      case "message": {
        const { name, rest } = splitCommandText(request.text);
        const spec = name ? findCommand(name) : undefined;
        if (spec) return runCommand(ctx, name, argsFromText(spec, rest));
        if (request.text.trim() === "") return hint(ctx, "common:emptyInput");
        if (freeTextHandler) return freeTextHandler(ctx, request.text);
        return hint(ctx, "common:unknownInput");
      }
      case "action": {
        const handler = ownEntry(actionHandlers, request.actionId);
        if (!handler) throw new DomainError("not_found", "errors:not_found");
        return handler(ctx, request.value);
      }
      case "form": {
        const handler = ownEntry(formHandlers, request.formId);
        if (!handler) throw new DomainError("not_found", "errors:not_found");
        return handler(ctx, request.context, request.values);
      }
      case "shortcut": {
        const handler = ownEntry(shortcutHandlers, request.shortcutId);
        if (!handler) throw new DomainError("not_found", "errors:not_found");
        return handler(ctx, request.text);
      }
    }
  }

  async function runCommand(ctx: RequestContext, name: string, args: CommandArgs): Promise<Reply> {
    const handler = ownEntry(commandHandlers, name);
    if (!handler) return unknownCommand(ctx, name);
    return handler(ctx, args);
  }

  return {
    async handle(identity, request) {
      // Until we know who is asking we can only speak the platform's or the default language.
      let t = translator(normalizeLocale(identity.locale) ?? "en");
      try {
        const ctx = await context(identity);
        t = ctx.t;
        if ((request.kind === "action" || request.kind === "form") && !writes.take(ctx.actor.personId)) {
          throw new DomainError("rate_limited", "errors:rate_limited");
        }
        return await route(ctx, request);
      } catch (error) {
        return errorReply(error, t, deps.logger);
      }
    },
    async home(identity) {
      return showHome(await context(identity));
    },
    async autocomplete(identity, query) {
      const handler = ownEntry(autocompleteHandlers, `${query.command}.${query.option}`);
      if (!handler) return [];
      try {
        const choices = await handler(await context(identity), query.text.slice(0, 100));
        // Platforms cap suggestions at 25 and each label/value at 100 characters.
        return choices
          .slice(0, 25)
          .map((c) => ({ label: c.label.slice(0, 100), value: c.value.slice(0, 100) }));
      } catch (error) {
        deps.logger.error({ err: error, command: query.command }, "autocomplete failed");
        return [];
      }
    },
    async unfurl(identity, urls) {
      try {
        return await unfurlDatasetLinks(await context(identity), urls, actionHandlers);
      } catch (error) {
        deps.logger.error({ err: error }, "link unfurl failed");
        return {};
      }
    },
    async firstTime(platform, eventId) {
      if (eventId === "" || eventId.length > MAX_EVENT_ID_LENGTH) return true;
      try {
        return await deps.processedEvents.firstTime(platform, eventId);
      } catch (error) {
        deps.logger.error({ err: error, platform, eventId }, "could not check for a repeated event");
        return true;
      }
    },
    async threadActivity(input) {
      const parsed = threadActivitySchema.safeParse(input);
      if (!parsed.success) return null;
      const activity = parsed.data;
      try {
        if (activity.kind !== "reply") return await followThreadChange(deps, activity);
        // Most threads are not a problem's: ask before resolving (and perhaps creating) a person.
        const thread = await deps.problemThreads.threadAt(activity.identity.platform, activity.place);
        if (!thread) return { kind: "not-a-problem-thread" };
        return await recordThreadReply(await context(activity.identity), activity);
      } catch (error) {
        deps.logger.error({ err: error, kind: activity.kind }, "could not follow a problem thread");
        return null;
      }
    },
    async describeActor(identity) {
      const ctx = await context(identity);
      return {
        displayName: ctx.actor.displayName,
        locale: ctx.actor.locale,
        communityName: ctx.community.name,
        roles: [...ctx.actor.roles],
      };
    },
  };
}

function hint(ctx: RequestContext, key: string): Reply {
  const text = ctx.t(key, { helpCommand: invocationOf(ctx.identity.platform, "help") });
  return ephemeral({ fallbackText: text, blocks: [{ type: "section", text: [text] }] });
}

function unknownCommand(ctx: RequestContext, name: string): Reply {
  const text = ctx.t("errors:unknownCommand", {
    name,
    helpCommand: invocationOf(ctx.identity.platform, "help"),
  });
  return ephemeral({ fallbackText: text, accent: "warning", blocks: [{ type: "section", text: [text] }] });
}

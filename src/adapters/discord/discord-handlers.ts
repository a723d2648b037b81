import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import type { InboundRequest } from "../../core/bot/inbound-request.js";
import { findCommand } from "../../core/commands/registry.js";
import { normalizeLocale } from "../../core/i18n/locales.js";
import { type Translate, translator } from "../../core/i18n/translator.js";
import type { Card, FormReply } from "../../core/shared/card.js";
import type { PlatformIdentity } from "../../core/shared/platform.js";
import type { PlatformAdapterDeps } from "../platform-adapter-deps.js";
import { createDiscordForms, type DiscordForms } from "./discord-forms.js";
import {
  actionRequestFrom,
  commandRequestFrom,
  focusedOptionFrom,
  formRequestFrom,
  identityFromInteraction,
  identityFromMessage,
  messageRequestFrom,
  shortcutRequestFrom,
} from "./discord-inbound.js";
import { type DiscordMessage, discordJsMessage, renderDiscordMessage } from "./discord-renderer.js";
import { createDiscordThreadHandlers, type DiscordThreadHandlers } from "./discord-thread-handlers.js";
import { decodeModalCustomId, decodePendingFormCustomId } from "./form-custom-ids.js";
import {
  type AnswerableInteraction,
  type ResponderTiming,
  respondToInteraction,
  respondWithNotice,
} from "./interaction-responder.js";

/**
 * One function per kind of Discord input: parse and validate, ask the core, answer, count.
 * A platform failure (Discord refusing a reply, a network error) is logged and counted, never
 * thrown: one bad interaction must not stop the bot.
 */

export interface DiscordHandlerTiming extends ResponderTiming {
  /** Discord drops autocomplete answers after 3 s; past this, suggest nothing rather than be late. */
  autocompleteTimeoutMs: number;
}

export type DiscordRequestKind =
  | "command"
  | "shortcut"
  | "action"
  | "form"
  | "message"
  | "autocomplete"
  | "other";
/** duplicate: an interaction or message we already handled (a gateway replay), skipped. */
type Outcome = "ok" | "invalid" | "error" | "duplicate";

export interface DiscordHandlers {
  interaction(interaction: Interaction): Promise<void>;
  message(message: Message, bot: { userId: string; roleIds: readonly string[] }): Promise<void>;
  /** Edits and deletions of messages in threads (a problem's conversation). */
  threads: Pick<DiscordThreadHandlers, "edit" | "remove">;
}

const noticeCard = (text: string): Card => ({
  fallbackText: text,
  accent: "warning",
  blocks: [{ type: "section", text: [text] }],
});

export function createDiscordHandlers(
  deps: Pick<PlatformAdapterDeps, "core" | "logger" | "metrics">,
  timing: DiscordHandlerTiming,
  forms: DiscordForms = createDiscordForms({ logger: deps.logger }),
  threads: DiscordThreadHandlers = createDiscordThreadHandlers(deps),
): DiscordHandlers {
  const { core, logger, metrics } = deps;
  const count = (kind: DiscordRequestKind, outcome: Outcome) =>
    metrics.requests.inc({ platform: "discord", kind, outcome });

  async function ask(kind: DiscordRequestKind, identity: PlatformIdentity, request: InboundRequest) {
    const done = metrics.requestSeconds.startTimer({ platform: "discord", kind });
    try {
      return await core.handle(identity, request);
    } finally {
      done();
    }
  }

  /**
   * Whether this gateway event is new. After a RESUME the gateway replays the events the session
   * missed, so a message or interaction may arrive twice; Discord never retries an interaction
   * otherwise, but its id is unique, so the same check covers both. Ids are namespaced by kind.
   */
  async function firstTime(kind: "message" | "interaction", id: string): Promise<boolean> {
    if (!core.firstTime) return true;
    const first = await core.firstTime("discord", `${kind}:${id}`);
    if (!first) logger.info({ kind, id }, "skipped a Discord event we already handled");
    return first;
  }

  /** The adapter's own words, in the person's language when we can tell it. */
  async function wordsFor(identity: PlatformIdentity | null, interaction?: Interaction): Promise<Translate> {
    if (identity) {
      try {
        return translator((await core.describeActor(identity)).locale);
      } catch (err) {
        logger.warn({ err }, "could not look up the person's language");
      }
    }
    return translator(normalizeLocale(interaction?.locale) ?? "en");
  }

  async function refuse(interaction: RepliableInteraction, identity: PlatformIdentity | null, key: string) {
    const t = await wordsFor(identity, interaction);
    await interaction.reply({
      ...discordJsMessage(renderDiscordMessage(noticeCard(t(key)))),
      flags: MessageFlags.Ephemeral,
    });
  }

  async function answer(
    kind: DiscordRequestKind,
    interaction: AnswerableInteraction,
    request: InboundRequest | null,
  ) {
    const identity = identityFromInteraction(interaction);
    if (!identity || !request) {
      count(kind, "invalid");
      const key = kind === "action" && identity ? "discord:unknownButton" : "discord:invalidRequest";
      return refuse(interaction, identity, key);
    }
    let words: Promise<Translate> | undefined;
    const context = { timing, forms, words: () => (words ??= wordsFor(identity, interaction)) };
    try {
      await respondToInteraction(interaction, ask(kind, identity, request), context);
      count(kind, "ok");
    } catch (err) {
      count(kind, "error");
      logger.error({ err, kind }, "could not answer a Discord interaction");
      const t = await wordsFor(identity, interaction);
      await respondWithNotice(interaction, noticeCard(t("discord:replyFailed"))).catch((notice: unknown) =>
        logger.warn({ err: notice }, "could not tell the person either"),
      );
    }
  }

  /** A button offering a form we kept (see discord-forms.ts): open it, if it is still there. */
  async function openKeptForm(interaction: ButtonInteraction, id: string) {
    const modal = forms.pending(id, interaction.user.id);
    if (!modal) {
      count("action", "invalid");
      return refuse(interaction, identityFromInteraction(interaction), "discord:formExpired");
    }
    await interaction.showModal(modal);
    count("action", "ok");
  }

  async function suggest(interaction: AutocompleteInteraction) {
    const identity = identityFromInteraction(interaction);
    const focused = focusedOptionFrom(interaction.options.getFocused(true));
    if (!identity || !focused) {
      count("autocomplete", "invalid");
      return interaction.respond([]);
    }
    const query = { command: interaction.commandName, option: focused.name, text: focused.value };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<[]>((resolve) => {
      timer = setTimeout(() => resolve([]), timing.autocompleteTimeoutMs);
    });
    const choices = await Promise.race([core.autocomplete(identity, query), late]).finally(() =>
      clearTimeout(timer),
    );
    const option = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
    const asNumber = option?.type === "integer";
    await interaction.respond(
      choices
        .map((c) => ({ name: c.label, value: asNumber ? Number(c.value) : c.value }))
        .filter((c) => c.name !== "" && !(typeof c.value === "number" && !Number.isFinite(c.value))),
    );
    count("autocomplete", "ok");
  }

  async function messageAnswers(reply: FormReply, identity: PlatformIdentity): Promise<DiscordMessage[]> {
    switch (reply.kind) {
      case "card":
        return [renderDiscordMessage(reply.card)];
      case "update":
        return [reply.card, ...(reply.notice ? [reply.notice] : [])].map(renderDiscordMessage);
      case "form":
        return [forms.openLater(reply.form, identity.userId, await wordsFor(identity))];
      case "errors":
      case "none":
        return [];
    }
  }

  return {
    threads,
    async interaction(interaction) {
      const kind: DiscordRequestKind = interaction.isChatInputCommand()
        ? "command"
        : interaction.isMessageContextMenuCommand()
          ? "shortcut"
          : interaction.isButton()
            ? "action"
            : interaction.isModalSubmit()
              ? "form"
              : interaction.isAutocomplete()
                ? "autocomplete"
                : "other";
      try {
        // Autocomplete is exempt: a replayed one is past its 3 s anyway, and typing would cost a write per key.
        const replayed = kind !== "autocomplete" && !(await firstTime("interaction", interaction.id));
        if (replayed) return count(kind, "duplicate");
        if (interaction.isChatInputCommand()) {
          return await answer("command", interaction, commandRequestFrom(interaction));
        }
        if (interaction.isMessageContextMenuCommand()) {
          return await answer("shortcut", interaction, shortcutRequestFrom(interaction));
        }
        if (interaction.isButton()) {
          const keptForm = decodePendingFormCustomId(interaction.customId);
          if (keptForm) return await openKeptForm(interaction, keptForm);
          return await answer("action", interaction, actionRequestFrom(interaction.customId));
        }
        if (interaction.isModalSubmit()) {
          // A modal that is not one of ours can only be a leftover of an older version.
          if (!decodeModalCustomId(interaction.customId)) {
            count("form", "invalid");
            return await refuse(interaction, identityFromInteraction(interaction), "discord:formExpired");
          }
          const request = formRequestFrom(interaction.customId, interaction.fields.fields.values());
          return await answer("form", interaction, request);
        }
        if (interaction.isAutocomplete()) return await suggest(interaction);
        if (interaction.isRepliable()) {
          // Select menus, user context-menu commands: we never publish any, so say so kindly.
          count("other", "invalid");
          return await refuse(
            interaction,
            identityFromInteraction(interaction),
            "discord:unsupportedInteraction",
          );
        }
      } catch (err) {
        count(kind, "error");
        logger.error({ err, kind }, "Discord interaction failed");
      }
    },

    async message(message, bot) {
      if (message.author.bot || message.system || message.webhookId) return;
      const request = messageRequestFrom(message, bot);
      // Not for the bot, but perhaps a reply in a problem's thread: the core decides.
      if (request === "not-for-us") return threads.reply(message);
      // Only messages addressed to us are recorded, not every message in the server.
      if (!(await firstTime("message", message.id))) return count("message", "duplicate");
      const identity = identityFromMessage(message);
      try {
        if (!identity || !request) {
          count("message", "invalid");
          const t = await wordsFor(identity);
          await message.reply(
            discordJsMessage(renderDiscordMessage(noticeCard(t("discord:invalidRequest")))),
          );
          return;
        }
        const reply = await ask("message", identity, request);
        // A message cannot be answered privately: in a server the answer is public, in a DM it is
        // private anyway. Nothing can be updated either, and a form waits behind a button that
        // only this person can open.
        for (const body of await messageAnswers(reply, identity)) await message.reply(discordJsMessage(body));
        count("message", "ok");
      } catch (err) {
        count("message", "error");
        logger.error({ err, channelId: message.channelId }, "could not answer a Discord message");
      }
    },
  };
}

import { randomBytes } from "node:crypto";
import { type APIModalInteractionResponseCallbackData, ButtonStyle, ComponentType } from "discord.js";
import type { Translate } from "../../core/i18n/translator.js";
import type { Logger } from "../../core/ports/logger.js";
import type { Card, FormReply } from "../../core/shared/card.js";
import type { Form } from "../../core/shared/form.js";
import { TtlStore } from "../ttl-store.js";
import { truncatePlain } from "./discord-markdown.js";
import { renderModal } from "./discord-modal.js";
import { DISCORD_LIMITS, type DiscordMessage, renderDiscordMessage } from "./discord-renderer.js";
import { encodePendingFormCustomId } from "./form-custom-ids.js";

/**
 * The forms part of the Discord adapter that needs memory. Discord shows a modal only as the very
 * first answer to a command or a button, and cannot keep a modal open to show errors. So when a
 * form comes too late (after we deferred), or must be shown again with what the person typed,
 * it is kept here for a while and a private message offers a button that opens it. Kept forms
 * live in this process only: after a restart the button says the form expired.
 */

export type FormErrorsReply = Extract<FormReply, { kind: "errors" }>;

export interface DiscordForms {
  /** The modal for `form`; its labels are remembered so an errors answer can name the fields. */
  modal(form: Form, userId: string, t: Translate): APIModalInteractionResponseCallbackData;
  /** A private message with a button that opens `form` (Discord no longer lets us show it directly). */
  openLater(form: Form, userId: string, t: Translate): DiscordMessage;
  /** Each field's label and error, and a "Fix and resubmit" button reopening `retry` if given. */
  errors(
    reply: FormErrorsReply,
    submitted: { userId: string; modalCustomId: string | null },
    t: Translate,
  ): DiscordMessage;
  /** The modal a "~form:" button opens, while it is kept and only for the person it was made for. */
  pending(id: string, userId: string): APIModalInteractionResponseCallbackData | null;
}

/** Discord gives an interaction 15 minutes of follow-ups; a kept form lasts as long. */
export const FORM_TTL_MS = 15 * 60_000;

export function createDiscordForms(options: {
  logger: Logger;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}): DiscordForms {
  const store = {
    ttlMs: options.ttlMs ?? FORM_TTL_MS,
    maxEntries: options.maxEntries ?? 2000,
    now: options.now,
  };
  const kept = new TtlStore<{ userId: string; modal: APIModalInteractionResponseCallbackData }>(store);
  const labels = new TtlStore<Record<string, string>>(store);
  const labelsKey = (userId: string, modalCustomId: string) => `${userId}\n${modalCustomId}`;

  function modal(form: Form, userId: string, t: Translate) {
    const rendered = renderModal(form, t);
    if (rendered.droppedFields > 0) {
      options.logger.warn(
        { formId: form.formId, dropped: rendered.droppedFields },
        "a form has more fields than a Discord modal holds; showing the first ones",
      );
    }
    const names = Object.fromEntries(form.fields.map((field) => [field.id, field.label]));
    labels.set(labelsKey(userId, rendered.modal.custom_id), names);
    return rendered.modal;
  }

  /** Keeps the form's modal and answers the custom_id of a button that opens it. */
  function keep(form: Form, userId: string, t: Translate): string {
    const id = randomBytes(9).toString("base64url");
    kept.set(id, { userId, modal: modal(form, userId, t) });
    return encodePendingFormCustomId(id);
  }

  return {
    modal,
    openLater(form, userId, t) {
      const text = t("discord:formReady");
      const card: Card = { fallbackText: text, blocks: [{ type: "section", text: [text] }] };
      return withButton(renderDiscordMessage(card), t("discord:openForm"), keep(form, userId, t));
    },
    errors(reply, submitted, t) {
      const names = {
        ...(submitted.modalCustomId ? labels.get(labelsKey(submitted.userId, submitted.modalCustomId)) : {}),
        ...Object.fromEntries((reply.retry?.fields ?? []).map((field) => [field.id, field.label])),
      };
      const heading = t("discord:formErrors");
      const card: Card = {
        fallbackText: heading,
        accent: "warning",
        blocks: [
          { type: "section", text: [heading] },
          {
            type: "list",
            items: Object.entries(reply.errors).map(([id, error]) => [
              { text: names[id] ?? id, style: "bold" },
              ": ",
              error,
            ]),
          },
        ],
      };
      const message = renderDiscordMessage(card);
      if (!reply.retry) return message;
      return withButton(message, t("discord:fixAndResubmit"), keep(reply.retry, submitted.userId, t));
    },
    pending(id, userId) {
      const entry = kept.get(id);
      return entry && entry.userId === userId ? entry.modal : null;
    },
  };
}

/** Adds one primary button in its own row (the last row gives way if the message is full). */
function withButton(message: DiscordMessage, label: string, customId: string): DiscordMessage {
  const row = {
    type: ComponentType.ActionRow as const,
    components: [
      {
        type: ComponentType.Button as const,
        style: ButtonStyle.Primary as const,
        label: truncatePlain(label, DISCORD_LIMITS.buttonLabel),
        custom_id: customId,
      },
    ],
  };
  const rows = message.components.slice(0, DISCORD_LIMITS.rowsPerMessage - 1);
  return { ...message, components: [...rows, row] };
}

import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalMessageModalSubmitInteraction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Translate } from "../../core/i18n/translator.js";
import type { Card, FormReply } from "../../core/shared/card.js";
import type { DiscordForms } from "./discord-forms.js";
import {
  type DiscordMessage,
  discordJsMessage,
  renderDiscordEdit,
  renderDiscordMessage,
} from "./discord-renderer.js";

/**
 * Answers an interaction within Discord's 3-second window however long the core takes, in the
 * way each kind of answer needs.
 *
 * A fast answer is the interaction's own response: a message, a modal (Discord shows one only as
 * the first response), or an update of the message whose button was pressed. When the core has
 * not answered after `deferAfterMs`, we acknowledge and fill in later (Discord then gives us 15
 * minutes): a command with a private "thinking…" placeholder (the visibility is only known once
 * the core answers, so nobody sees a private answer in public: a public one arrives as a public
 * follow-up and the placeholder is deleted); a button, or a modal opened from one, by deferring an
 * update of its message, so "@original" stays that message and an `update` can still edit it.
 * A form that comes too late for a modal is offered behind a button (see discord-forms.ts).
 */

export interface ResponderTiming {
  /** How long to wait for the core before deferring; Discord's deadline is 3 s, network included. */
  deferAfterMs: number;
}

export type AnswerableInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | ModalSubmitInteraction;

export interface ResponderContext {
  timing: ResponderTiming;
  forms: DiscordForms;
  /** The adapter's own words (buttons, headings) in the person's language; asked only when needed. */
  words: () => Promise<Translate>;
}

const SLOW = Symbol("slow");
const EPHEMERAL = { flags: MessageFlags.Ephemeral as const };

const send = (message: DiscordMessage) => discordJsMessage(message);
const sendPrivately = (message: DiscordMessage) => ({ ...discordJsMessage(message), ...EPHEMERAL });

/** Interactions born on a message (a button, a modal opened from one) can update that message. */
function updatable(
  interaction: AnswerableInteraction,
): ButtonInteraction | ModalMessageModalSubmitInteraction | null {
  if (interaction.isButton()) return interaction;
  if (interaction.isModalSubmit() && interaction.isFromMessage()) return interaction;
  return null;
}

const submittedBy = (interaction: AnswerableInteraction) => ({
  userId: interaction.user.id,
  modalCustomId: interaction.isModalSubmit() ? interaction.customId : null,
});

/** Resolves once Discord has been told everything; rejects with Discord's error if it refused. */
export async function respondToInteraction(
  interaction: AnswerableInteraction,
  answer: Promise<FormReply>,
  context: ResponderContext,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(() => resolve(SLOW), context.timing.deferAfterMs);
  });
  const first = await Promise.race([answer, slow]).finally(() => clearTimeout(timer));
  if (first !== SLOW) return replyNow(interaction, first, context);
  const target = updatable(interaction);
  if (target) await target.deferUpdate();
  else await interaction.deferReply(EPHEMERAL);
  return replyAfterDefer(interaction, await answer, context);
}

async function replyNow(
  interaction: AnswerableInteraction,
  reply: FormReply,
  context: ResponderContext,
): Promise<void> {
  const target = updatable(interaction);
  switch (reply.kind) {
    case "card": {
      const visibility = reply.visibility === "ephemeral" ? EPHEMERAL : {};
      await interaction.reply({ ...send(renderDiscordMessage(reply.card)), ...visibility });
      return;
    }
    case "none":
      // Nothing to say: acknowledge so Discord shows no error (a button's message stays as it is).
      if (target) return void (await target.deferUpdate());
      await interaction.deferReply(EPHEMERAL);
      await interaction.deleteReply();
      return;
    case "form": {
      const t = await context.words();
      // Discord does not answer a modal with another modal: offer the next form behind a button.
      if (interaction.isModalSubmit()) {
        await interaction.reply(sendPrivately(context.forms.openLater(reply.form, interaction.user.id, t)));
      } else {
        await interaction.showModal(context.forms.modal(reply.form, interaction.user.id, t));
      }
      return;
    }
    case "errors": {
      const message = context.forms.errors(reply, submittedBy(interaction), await context.words());
      await interaction.reply(sendPrivately(message));
      return;
    }
    case "update":
      if (target) await target.update(send(renderDiscordEdit(reply.card)));
      else await interaction.reply(sendPrivately(renderDiscordMessage(reply.card)));
      if (reply.notice) await interaction.followUp(sendPrivately(renderDiscordMessage(reply.notice)));
      return;
  }
}

async function replyAfterDefer(
  interaction: AnswerableInteraction,
  reply: FormReply,
  context: ResponderContext,
): Promise<void> {
  // Deferred as an update, "@original" is the message the button is on; otherwise it is our
  // private placeholder, which a private answer simply replaces.
  const deferredAsUpdate = updatable(interaction) !== null;
  const privately = async (message: DiscordMessage) => {
    if (deferredAsUpdate) await interaction.followUp(sendPrivately(message));
    else await interaction.editReply(send(message));
  };
  switch (reply.kind) {
    case "none":
      if (!deferredAsUpdate) await interaction.deleteReply();
      return;
    case "card":
      if (reply.visibility === "ephemeral") return privately(renderDiscordMessage(reply.card));
      await interaction.followUp(send(renderDiscordMessage(reply.card)));
      if (!deferredAsUpdate) await interaction.deleteReply();
      return;
    case "form":
      return privately(context.forms.openLater(reply.form, interaction.user.id, await context.words()));
    case "errors":
      return privately(context.forms.errors(reply, submittedBy(interaction), await context.words()));
    case "update":
      if (deferredAsUpdate) await interaction.editReply(send(renderDiscordEdit(reply.card)));
      else await privately(renderDiscordMessage(reply.card));
      if (reply.notice) await interaction.followUp(sendPrivately(renderDiscordMessage(reply.notice)));
      return;
  }
}

/**
 * Last resort after a failed answer (Discord refused our message, a network error): tell the
 * person privately in whichever way the interaction still allows, never over the message a
 * button is on.
 */
export async function respondWithNotice(interaction: AnswerableInteraction, card: Card): Promise<void> {
  const message = renderDiscordMessage(card);
  const placeholderOpen = interaction.deferred && !interaction.replied && updatable(interaction) === null;
  if (placeholderOpen) await interaction.editReply(send(message));
  else if (interaction.replied || interaction.deferred) await interaction.followUp(sendPrivately(message));
  else await interaction.reply(sendPrivately(message));
}

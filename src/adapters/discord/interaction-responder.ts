import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { Card, Reply } from "../../core/shared/card.js";
import { renderDiscordMessage } from "./discord-renderer.js";

/**
 * Answers an interaction within Discord's 3-second window however long the core takes.
 *
 * A fast answer is the interaction's reply. When the core has not answered after
 * `deferAfterMs`, we acknowledge with a private "thinking…" placeholder and fill it in later
 * (Discord then gives us 15 minutes). The visibility is only known once the core answers, so
 * the placeholder is private; a public answer arrives as a public follow-up and the private
 * placeholder is deleted. Nobody sees a private answer in public.
 */

export interface ResponderTiming {
  /** How long to wait for the core before deferring; Discord's deadline is 3 s, network included. */
  deferAfterMs: number;
}

const SLOW = Symbol("slow");

function flagsFor(visibility: "ephemeral" | "public") {
  return visibility === "ephemeral" ? { flags: MessageFlags.Ephemeral as const } : {};
}

/** Resolves once Discord has been told everything; rejects with Discord's error if it refused. */
export async function respondToInteraction(
  interaction: RepliableInteraction,
  answer: Promise<Reply>,
  timing: ResponderTiming,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(() => resolve(SLOW), timing.deferAfterMs);
  });
  const first = await Promise.race([answer, slow]).finally(() => clearTimeout(timer));
  if (first !== SLOW) return replyNow(interaction, first);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  return replyAfterDefer(interaction, await answer);
}

async function replyNow(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  if (reply.kind === "card") {
    await interaction.reply({ ...renderDiscordMessage(reply.card), ...flagsFor(reply.visibility) });
  } else if (interaction.isMessageComponent()) {
    // Nothing to say to a button press: acknowledge it so Discord shows no error.
    await interaction.deferUpdate();
  } else {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.deleteReply();
  }
}

async function replyAfterDefer(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  if (reply.kind === "none") return interaction.deleteReply();
  const message = renderDiscordMessage(reply.card);
  if (reply.visibility === "ephemeral") {
    await interaction.editReply(message);
    return;
  }
  await interaction.followUp(message);
  await interaction.deleteReply();
}

/**
 * Last resort after a failed answer (Discord refused our message, a network error): tell the
 * person privately in whichever way the interaction still allows.
 */
export async function respondWithNotice(interaction: RepliableInteraction, card: Card): Promise<void> {
  const message = { ...renderDiscordMessage(card), flags: MessageFlags.Ephemeral as const };
  if (interaction.deferred && !interaction.replied) await interaction.editReply(renderDiscordMessage(card));
  else if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}

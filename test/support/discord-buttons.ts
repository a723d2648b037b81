import type { FakeWorld } from "../fakes/discord/world.js";

/**
 * The custom_id and message of the newest Discord message in `channelId` carrying a button whose
 * custom_id starts with `prefix`: how an end-to-end test finds the button a person would press.
 */
export function discordButton(
  world: Pick<FakeWorld, "messages">,
  channelId: string,
  prefix: string,
): { customId: string; messageId: string } {
  const message = [...world.messages.values()]
    .reverse()
    .find(
      (m) =>
        m.channel_id === channelId &&
        (m.components ?? []).some((row) => JSON.stringify(row).includes(`"custom_id":"${prefix}`)),
    );
  const customId = message
    ? JSON.stringify(message.components).match(
        new RegExp(`"custom_id":"(${prefix.replace(".", "\\.")}[^"]*)"`),
      )?.[1]
    : undefined;
  if (!message || !customId) throw new Error(`no ${prefix} button in ${channelId}`);
  return { customId, messageId: message.id };
}

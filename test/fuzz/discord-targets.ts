/**
 * Fuzz targets for what Discord sends us (src/adapters/discord/discord-inbound.ts,
 * button-custom-id.ts, form-custom-ids.ts): identities, slash commands with any options, button
 * and modal custom_ids, modal inputs, autocomplete focus and messages, each run the way the
 * handlers run them, down to the core's reply rendered for Discord. discord.js builds the objects
 * from gateway JSON, so these are shaped like discord.js objects (the fields these functions
 * read) with hostile contents. A crash is an exception, a reply that is not one, or internals
 * in what would be posted.
 */

import type { ChatInputCommandInteraction, Interaction, Message } from "discord.js";
import fc from "fast-check";
import { decodeButtonCustomId } from "../../src/adapters/discord/button-custom-id.js";
import {
  actionRequestFrom,
  commandRequestFrom,
  focusedOptionFrom,
  formRequestFrom,
  identityFromInteraction,
  identityFromMessage,
  messageRequestFrom,
} from "../../src/adapters/discord/discord-inbound.js";
import { renderDiscordMessage } from "../../src/adapters/discord/discord-renderer.js";
import {
  decodeModalCustomId,
  decodePendingFormCustomId,
} from "../../src/adapters/discord/form-custom-ids.js";
import type { InboundRequest } from "../../src/core/bot/inbound-request.js";
import { actionHandlers, formHandlers } from "../../src/core/bot/routes.js";
import { commandRegistry } from "../../src/core/commands/registry.js";
import type { PlatformIdentity } from "../../src/core/shared/platform.js";
import {
  anyJson,
  hostileFragment,
  hostileShortText,
  hostileText,
  mutated,
  wrongType,
} from "./arbitraries.js";
import { assertNoUnexpectedErrors, checkReply, fuzzCore } from "./core-harness.js";
import { commandText } from "./core-targets.js";
import {
  assertNoStackTrace,
  type FuzzTarget,
  FuzzViolation,
  fuzzTarget,
  mustNotThrow,
} from "./fuzz-target.js";

const BOT_ID = "111111111111111111";
const BOT_ROLE_ID = "222222222222222222";

const snowflake = fc.oneof(
  { arbitrary: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String), weight: 8 },
  { arbitrary: fc.constantFrom("0", "", "-1", "9".repeat(70), "not-a-snowflake"), weight: 1 },
);

const discordLocale = fc.oneof(
  fc.constantFrom("en-US", "en-GB", "es-ES", "es-419", "pt-BR", "zh-CN", "ja", "uk"),
  hostileShortText,
);

/** The fields of a discord.js User / GuildMember / Interaction that the inbound functions read. */
const user = fc.record({
  id: snowflake,
  username: fc.oneof(fc.stringMatching(/^[a-z0-9_.]{2,32}$/), hostileShortText),
  globalName: fc.option(fc.oneof(hostileShortText, hostileText), { nil: null }),
});
const member = fc.option(
  fc.record({ nick: fc.option(fc.oneof(hostileShortText, hostileText), { nil: null }) }),
  {
    nil: null,
  },
);

const interactionLike = fc.record({
  guildId: fc.option(snowflake, { nil: null }),
  channelId: fc.option(snowflake, { nil: null }),
  user,
  member,
  locale: discordLocale,
});

function identityFor(fake: object): PlatformIdentity | null | undefined {
  return identityFromInteraction(fake as unknown as Interaction);
}

/** Answers a request from `who` and checks the reply as Discord would get it. */
async function answerAndRender(who: PlatformIdentity, request: InboundRequest, input: string, where: string) {
  const harness = await fuzzCore();
  harness.takeErrors();
  const reply = await mustNotThrow(`${where}: handle`, () => harness.core.handle(who, request));
  const cards = checkReply(reply, input, where);
  for (const card of cards) {
    const rendered = await mustNotThrow(`${where}: Discord rendering`, () => renderDiscordMessage(card));
    if (rendered) assertNoStackTrace(JSON.stringify(rendered), input, `${where} (Discord)`);
  }
  assertNoUnexpectedErrors(harness, where);
}

// ---- slash commands ----

const optionValue = fc.oneof(
  { arbitrary: hostileText, weight: 4 },
  { arbitrary: commandText, weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: wrongType, weight: 1 },
);
const optionNames = [...new Set(commandRegistry.flatMap((c) => c.options.map((o) => o.name)))];

const commandInteraction = fc.record({
  base: interactionLike,
  commandName: fc.oneof(
    { arbitrary: fc.constantFrom(...commandRegistry.map((c) => c.name)), weight: 6 },
    { arbitrary: fc.constantFrom("constructor", "__proto__", "HELP", ""), weight: 1 },
    { arbitrary: hostileShortText, weight: 1 },
  ),
  options: mutated(
    fc.array(
      fc.record({
        name: fc.oneof(fc.constantFrom(...optionNames), hostileFragment),
        type: fc.constantFrom(3, 4, 5, 1, 11),
        value: optionValue,
        focused: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
  ),
});

export const commandTarget: FuzzTarget = fuzzTarget({
  name: "discord: slash command → reply",
  arbitrary: commandInteraction,
  async check(input: { base: object; commandName: string; options: unknown }) {
    const fake = { ...input.base, commandName: input.commandName, options: { data: input.options } };
    const who = await mustNotThrow("identityFromInteraction", () => identityFor(fake));
    const request = await mustNotThrow("commandRequestFrom", () =>
      commandRequestFrom(fake as unknown as ChatInputCommandInteraction),
    );
    if (!who || !request) return;
    await answerAndRender(who, request, JSON.stringify(input), "slash command");
  },
});

// ---- buttons, modals, autocomplete focus ----

const actionIds = Object.keys(actionHandlers);
const customId = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...actionIds), fc.oneof(fc.uuid(), hostileShortText))
      .map(([a, v]) => `${a}:${v}`),
    weight: 5,
  },
  {
    arbitrary: fc.constantFrom(
      "constructor:x",
      "__proto__:x",
      "a:",
      ":",
      "~form:abc",
      "form:problem.submit:",
    ),
    weight: 1,
  },
  { arbitrary: hostileShortText, weight: 2 },
  { arbitrary: hostileText, weight: 1 },
);

export const buttonTarget: FuzzTarget = fuzzTarget({
  name: "discord: button custom_id → reply",
  arbitrary: fc.record({ base: interactionLike, customId, raw: fc.oneof(customId, wrongType) }),
  async check(input: { base: object; customId: string; raw: unknown }) {
    await mustNotThrow("decodeButtonCustomId(any)", () => decodeButtonCustomId(input.raw));
    await mustNotThrow("decodeModalCustomId(any)", () => decodeModalCustomId(input.raw));
    await mustNotThrow("decodePendingFormCustomId", () => decodePendingFormCustomId(input.customId));
    const who = await mustNotThrow("identityFromInteraction", () => identityFor(input.base));
    const request = await mustNotThrow("actionRequestFrom", () => actionRequestFrom(input.customId));
    if (!who || !request) return;
    await answerAndRender(who, request, JSON.stringify(input), "button");
  },
});

const formIds = Object.keys(formHandlers);
const modalSubmit = fc.record({
  base: interactionLike,
  customId: fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...formIds), fc.oneof(fc.uuid(), fc.constant(""), hostileShortText))
        .map(([f, c]) => `form:${f}:${c}`),
      weight: 5,
    },
    { arbitrary: customId, weight: 1 },
  ),
  inputs: mutated(
    fc.array(
      fc.record(
        {
          customId: fc.oneof(
            fc.constantFrom("title", "description", "topic", "dataset", "answer", "reason", "url"),
            hostileFragment,
          ),
          value: hostileText,
          values: fc.array(hostileShortText, { maxLength: 2 }),
        },
        { requiredKeys: ["customId"] },
      ),
      { maxLength: 5 },
    ),
  ),
});

export const modalTarget: FuzzTarget = fuzzTarget({
  name: "discord: modal submission → reply",
  arbitrary: modalSubmit,
  async check(input: { base: object; customId: string; inputs: unknown }) {
    const who = await mustNotThrow("identityFromInteraction", () => identityFor(input.base));
    const inputs = Array.isArray(input.inputs) ? input.inputs : [input.inputs];
    const request = await mustNotThrow("formRequestFrom", () => formRequestFrom(input.customId, inputs));
    if (!who || !request) return;
    await answerAndRender(who, request, JSON.stringify(input), "modal");
  },
});

export const focusTarget: FuzzTarget = fuzzTarget({
  name: "discord: autocomplete focus → choices",
  arbitrary: fc.record({
    base: interactionLike,
    commandName: fc.constantFrom(...commandRegistry.map((c) => c.name), "constructor"),
    focused: fc.oneof(
      mutated(
        fc.record({
          name: fc.constantFrom(...optionNames),
          value: fc.oneof(hostileText, fc.integer(), fc.double()),
        }),
      ),
      anyJson,
    ),
  }),
  async check(input: { base: object; commandName: string; focused: unknown }) {
    const focus = await mustNotThrow("focusedOptionFrom", () => focusedOptionFrom(input.focused));
    const who = await mustNotThrow("identityFromInteraction", () => identityFor(input.base));
    if (!focus || !who) return;
    const harness = await fuzzCore();
    harness.takeErrors();
    const choices = await mustNotThrow("autocomplete", () =>
      harness.core.autocomplete(who, { command: input.commandName, option: focus.name, text: focus.value }),
    );
    if (!Array.isArray(choices)) throw new FuzzViolation("autocomplete did not answer a list");
    assertNoUnexpectedErrors(harness, "autocomplete");
  },
});

// ---- messages (mentions in servers, DMs) ----

const messageLike = fc.record({
  inGuild: fc.boolean(),
  guildId: snowflake,
  channelId: snowflake,
  author: user,
  member,
  content: fc.oneof(
    commandText.map((t) => `<@${BOT_ID}> ${t}`),
    commandText.map((t) => `${t} <@!${BOT_ID}>`),
    commandText.map((t) => `<@&${BOT_ROLE_ID}>   ${t}`),
    commandText,
    hostileText,
  ),
});

export const messageTarget: FuzzTarget = fuzzTarget({
  name: "discord: message (mention, DM) → reply",
  arbitrary: messageLike,
  async check(input: {
    inGuild: boolean;
    guildId: string;
    channelId: string;
    author: object;
    member: object | null;
    content: string;
  }) {
    const fake = {
      ...input,
      guildId: input.inGuild ? input.guildId : null,
      inGuild: () => input.inGuild,
    } as unknown as Message;
    const who = await mustNotThrow("identityFromMessage", () => identityFromMessage(fake));
    const request = await mustNotThrow("messageRequestFrom", () =>
      messageRequestFrom(fake, { userId: BOT_ID, roleIds: [BOT_ROLE_ID] }),
    );
    if (!who || !request || request === "not-for-us") return;
    await answerAndRender(who, request, JSON.stringify(input), "message");
  },
});

export const discordTargets: readonly FuzzTarget[] = [
  commandTarget,
  buttonTarget,
  modalTarget,
  focusTarget,
  messageTarget,
];

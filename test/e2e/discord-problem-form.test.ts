// Filing a problem on Discord with the whole app (real core, store, discord.js) against the fake
// Discord: /problem opens a modal within Discord's five fields, what is wrong comes back privately
// with a way into the form as it was typed, and a good submission is answered.

import {
  type APIEmbed,
  type APIInteraction,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const TOKEN = "discord-e2e-problem-form-token";

type Modal = APIModalInteractionResponseCallbackData;
interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components?: Array<{ custom_id?: string; label?: string }> }>;
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[] };
}
const body = (value: unknown) => (value ?? {}) as MessageBody;
const textOf = (m: MessageBody) =>
  [m.content ?? "", ...(m.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? ""])].join("\n");
const inputIds = (modal: Modal) =>
  modal.components.flatMap((c) => ("component" in c ? [c.component.custom_id] : []));

describe("filing a problem on Discord, end to end", () => {
  let fake: FakeDiscord;
  let desk: TestApp;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN, callbackTimeoutMs: 15_000 });
    desk = await startTestApp({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
    });
  });
  afterAll(async () => {
    await desk?.close();
    await fake?.close();
  });

  /** The modal an interaction opens: at once, or (if the core was slow) behind the button offered. */
  async function modalFrom(interaction: APIInteraction): Promise<Modal> {
    const callback = await fake.gateway.sendInteraction(interaction);
    if (callback.type === InteractionResponseType.Modal) return callback.data as Modal;
    if (callback.type !== InteractionResponseType.DeferredChannelMessageWithSource) {
      throw new Error(`expected a modal, got: ${textOf(body(callback.data))}`);
    }
    const offer = await fake.waitForCall((c) => c.method === "PATCH" && c.path.includes(interaction.token));
    const customId = body(offer.body).components?.[0]?.components?.[0]?.custom_id ?? "";
    const pressed = await fake.gateway.sendInteraction(fake.gateway.buttonInteraction({ customId }));
    return pressed.data as Modal;
  }

  it("opens /problem as a modal of at most five fields, the command's options riding in its custom_id", async () => {
    const modal = await modalFrom(fake.gateway.chatInputInteraction({ name: "problem" }));
    expect(modal.custom_id).toMatch(/^form:problem\.submit:/);
    expect(modal.components.length).toBeLessThanOrEqual(5);
    expect(inputIds(modal)).toEqual(expect.arrayContaining(["title", "description", "affected", "place"]));

    const anonymous = await modalFrom(
      fake.gateway.chatInputInteraction({ name: "problem", options: { anonymous: true } }),
    );
    expect(anonymous.custom_id).toBe("form:problem.submit:t=;a=1");
  });

  it("answers a bad submission privately, field by field, with a button back into the form as typed", async () => {
    const modal = await modalFrom(fake.gateway.chatInputInteraction({ name: "problem" }));
    const submit = fake.gateway.answerModal(modal, {
      title: "Bus",
      description: "Too short",
      affected: "Commuters on Elm St",
      place: "",
    });
    const rejected = await fake.gateway.sendInteraction(submit);
    const errors = body(rejected.data);
    expect(rejected.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(errors.flags).toBe(MessageFlags.Ephemeral);
    const listed = textOf(errors);
    const labelOf = (id: string) =>
      modal.components.flatMap((c) => ("component" in c && c.component.custom_id === id ? [c.label] : []))[0];
    expect(listed).toContain(`**${labelOf("title")}**`);
    expect(listed).toContain(`**${labelOf("description")}**`);
    expect(listed).not.toContain(`**${labelOf("affected")}**`);

    const fix = errors.components?.[0]?.components?.[0]?.custom_id ?? "";
    expect(fix).toMatch(/^~form:/);
    const reopened = await fake.gateway.sendInteraction(fake.gateway.buttonInteraction({ customId: fix }));
    expect(reopened.type).toBe(InteractionResponseType.Modal);
    expect(JSON.stringify(reopened.data)).toContain("Commuters on Elm St");
  });

  it("turns someone's message into a problem from its Apps menu: the form prefilled, mentions as names", async () => {
    const neighbour = fake.addUser("rosa");
    const said = fake.gateway.messageCreate({
      content: `<@${neighbour.id}> the Elm St bus shelter was removed\nNobody can wait out the rain there now.`,
    });
    const modal = await modalFrom(
      fake.gateway.messageCommandInteraction({ name: "Turn into problem", message: said }),
    );
    expect(modal.custom_id).toMatch(/^form:problem\.submit:/);
    const prefilled = JSON.stringify(modal);
    expect(prefilled).toContain("the Elm St bus shelter was removed");
    expect(prefilled).toContain("Nobody can wait out the rain there now.");
    expect(prefilled).toContain("@Rosa");
    expect(prefilled).not.toContain(`<@${neighbour.id}>`);
  });

  it("answers a good submission", async () => {
    const modal = await modalFrom(fake.gateway.chatInputInteraction({ name: "problem" }));
    const submit = fake.gateway.answerModal(modal, {
      title: "Buses skip the Elm St stop after 9pm",
      description: "The night buses on route 12 pass the Elm St stop without stopping, most nights.",
      affected: "Night-shift workers on Elm St",
      place: "Elm St",
    });
    const answered = await fake.gateway.sendInteraction(submit);
    // Filed, or "these may already help" first: either way an answer, not an error.
    expect([
      InteractionResponseType.ChannelMessageWithSource,
      InteractionResponseType.DeferredChannelMessageWithSource,
    ]).toContain(answered.type);
    expect(textOf(body(answered.data))).not.toContain("Something went wrong");
  });

  it("pinged nobody it did not mean to and logged no errors", () => {
    for (const call of fake.calls) {
      const sent = call.path.endsWith("/callback") ? (call.body as { data?: unknown }).data : call.body;
      const message = body(sent);
      if (message.embeds === undefined && message.content === undefined) continue;
      expect(message.allowed_mentions?.parse, `${call.method} ${call.path}`).toEqual([]);
    }
    expect(desk.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});

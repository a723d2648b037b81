import { describe, expect, it } from "vitest";
import type { Card, RichText } from "../../core/shared/card.js";
import { discordJsMessage, renderDiscordEdit, renderDiscordMessage } from "./discord-renderer.js";

const CHAMPION = "112233445566778899";
const champion = { mention: CHAMPION, text: "Grace" };
const HOSTILE = "@everyone @here <@123> <@&456> [x](http://evil) **loud** `tick`";

/** A card with `text` in every block type that holds rich text, and user text in the rest. */
function everywhere(text: RichText): Card {
  return {
    fallbackText: HOSTILE,
    blocks: [
      { type: "header", text: HOSTILE },
      { type: "section", text },
      { type: "fields", fields: [{ label: HOSTILE, value: text }] },
      { type: "list", items: [text, [{ text: HOSTILE, style: "italic" }]] },
      { type: "context", text },
      {
        type: "actions",
        actions: [{ kind: "button", actionId: "problem.vote", label: HOSTILE.slice(0, 75), value: "1" }],
      },
    ],
  };
}

function texts(card: Card): string[] {
  const message = renderDiscordMessage(card);
  return [
    message.content ?? "",
    ...message.embeds.flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ];
}

/** Every `<@…>` Discord would render live (not preceded by our escaping backslash). */
const liveMentions = (text: string) => [...text.matchAll(/(?:^|[^\\])(<@[!&]?\d+>)/g)].map((m) => m[1]);

describe("deliberate mentions on Discord", () => {
  it("renders a mention segment as <@id> in every rich-text block and lets exactly that user be pinged", () => {
    const card = everywhere(["Over to ", champion, " for ", HOSTILE]);
    const message = renderDiscordMessage(card);
    expect(message.allowed_mentions).toEqual({ parse: [], users: [CHAMPION] });
    // Discord notifies only for mentions in content, never in embeds: the content names them.
    expect(message.content).toBe(`<@${CHAMPION}>`);
    const embedded = texts(card).slice(1).join("\n");
    // Section, field value, list item and context.
    expect(liveMentions(embedded)).toEqual(Array(4).fill(`<@${CHAMPION}>`));
  });

  it("keeps user text beside a mention inert in every block: no @everyone, role, user or link", () => {
    for (const text of texts(everywhere([HOSTILE, champion, HOSTILE]))) {
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(liveMentions(text).every((m) => m === `<@${CHAMPION}>`)).toBe(true);
      expect(text).not.toMatch(/(^|[^\\])\[x\]\(/);
      expect(text).not.toMatch(/(^|[^\\])\*\*loud/);
    }
  });

  it("pings nobody when a card mentions nobody, and never lists roles", () => {
    const message = renderDiscordMessage(everywhere([HOSTILE]));
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toBeUndefined();
    for (const text of texts(everywhere([HOSTILE]))) expect(liveMentions(text)).toEqual([]);
  });

  it("shows the name, escaped, for an id that is not a Discord user's, and pings no one", () => {
    const card = everywhere([{ mention: "U024BE7LH", text: "<@&456> Ann" }]);
    const message = renderDiscordMessage(card);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds[0]?.description).toBe("\\<@&456> Ann");
  });

  it("names each mentioned person once, before the summary when the card has no embed", () => {
    const message = renderDiscordMessage({
      fallbackText: "@here look",
      blocks: [{ type: "divider" }, { type: "list", items: [] }],
    });
    expect(message.content).toBe("@\u200Bhere look");
    const twice: Card = {
      fallbackText: "Grace, Grace: @here",
      blocks: [{ type: "context", text: [champion, champion] }],
    };
    expect(renderDiscordMessage(twice).allowed_mentions.users).toEqual([CHAMPION]);
  });

  it("keeps a mention whole when text is cut to Discord's limits", () => {
    const card: Card = {
      fallbackText: "long",
      blocks: [{ type: "section", text: ["x".repeat(4090), champion] }],
    };
    const description = renderDiscordMessage(card).embeds[0]?.description ?? "";
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).not.toMatch(/<@\d*$|<@\d+…/);
  });

  it("clears content an edit no longer has, and hands discord.js the same allowed mentions", () => {
    expect(renderDiscordEdit(everywhere(["no one"])).content).toBe("");
    expect(renderDiscordEdit(everywhere([champion])).content).toBe(`<@${CHAMPION}>`);
    expect(discordJsMessage(renderDiscordMessage(everywhere([champion]))).allowedMentions).toEqual({
      parse: [],
      users: [CHAMPION],
      repliedUser: false,
    });
    expect(discordJsMessage(renderDiscordMessage(everywhere(["x"]))).allowedMentions).toEqual({
      parse: [],
      repliedUser: false,
    });
  });
});

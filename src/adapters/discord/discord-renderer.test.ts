import { describe, expect, it } from "vitest";
import type { Card } from "../../core/shared/card.js";
import { decodeButtonCustomId, encodeButtonCustomId } from "./button-custom-id.js";
import { escapeData } from "./discord-markdown.js";
import { DISCORD_LIMITS, renderDiscordMessage } from "./discord-renderer.js";

const card: Card = {
  fallbackText: "Bike lanes",
  accent: "info",
  blocks: [
    { type: "header", text: "Bike Routes" },
    { type: "section", text: ["Where the city's ", { text: "bike lanes", style: "bold" }, " are."] },
    { type: "list", items: [["first"], [{ text: "second", href: "https://example.org/x" }]] },
    { type: "context", text: ["Updated ", { text: "2020-07-01", style: "code" }] },
    {
      type: "fields",
      fields: [
        { label: "Rows", value: ["1,204"] },
        { label: "Format", value: ["CSV"] },
      ],
    },
    { type: "divider" },
    { type: "section", text: ["After the fields."] },
    { type: "image", url: "https://example.org/map.png", alt: "map" },
    {
      type: "actions",
      actions: [
        { kind: "button", actionId: "problem.vote", label: "Vote", value: "12", style: "primary" },
        // Same custom_id as the first: Discord refuses the message, so the twin is dropped.
        { kind: "button", actionId: "problem.vote", label: "Vote again", value: "12" },
        { kind: "link", label: "Open", url: "https://example.org/" },
      ],
    },
  ],
};

const INJECTION = "@everyone @here <@123> <@&456> <#789> [x](http://evil) **bold** `code` ||spoiler||";

/** Every string Discord would render as markdown, to assert nothing in it is live. */
function renderedTexts(card: Card): string[] {
  const message = renderDiscordMessage(card);
  return [
    message.content ?? "",
    ...message.embeds.flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].filter((t) => t !== "");
}

describe("renderDiscordMessage", () => {
  it("renders a card as embeds in reading order and buttons in rows", () => {
    expect(renderDiscordMessage(card)).toMatchInlineSnapshot(`
      {
        "allowed_mentions": {
          "parse": [],
        },
        "components": [
          {
            "components": [
              {
                "custom_id": "problem.vote:12",
                "label": "Vote",
                "style": 1,
                "type": 2,
              },
              {
                "label": "Open",
                "style": 5,
                "type": 2,
                "url": "https://example.org/",
              },
            ],
            "type": 1,
          },
        ],
        "embeds": [
          {
            "color": 5793266,
            "description": "Where the city's **bike lanes** are.

      • first
      • [second](https://example.org/x)

      -# Updated \`2020-07-01\`",
            "fields": [
              {
                "inline": true,
                "name": "Rows",
                "value": "1,204",
              },
              {
                "inline": true,
                "name": "Format",
                "value": "CSV",
              },
            ],
            "title": "Bike Routes",
          },
          {
            "color": 5793266,
            "description": "After the fields.",
            "image": {
              "url": "https://example.org/map.png",
            },
          },
        ],
      }
    `);
  });

  it("makes user text inert: no mentions, links, or formatting survive", () => {
    const texts = renderedTexts({
      fallbackText: INJECTION,
      blocks: [
        { type: "header", text: INJECTION },
        { type: "section", text: [INJECTION, { text: INJECTION, style: "bold" }] },
        { type: "fields", fields: [{ label: INJECTION, value: [INJECTION] }] },
        { type: "context", text: [INJECTION] },
        { type: "list", items: [[INJECTION]] },
      ],
    });
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(text).not.toMatch(/(^|[^\\])<[@#]/);
      expect(text).not.toMatch(/(^|[^\\])\[x\]/);
      expect(text).not.toMatch(/(^|[^\\])\|\|/);
    }
    expect(escapeData(INJECTION)).toBe(
      "@\u200Beveryone @\u200Bhere \\<@123> \\<@&456> \\<#789> \\[x\\](http://evil) " +
        "\\*\\*bold\\*\\* \\`code\\` \\|\\|spoiler\\|\\|",
    );
  });

  it("escapes emoji-looking text, which no longer renders as an emoji, but leaves URLs intact", () => {
    expect(escapeData("<:_x:1> <:y_:2>")).toBe("\\<:\\_x:1> \\<:y\\_:2>");
    expect(escapeData("see https://example.org/a_b_c now")).toBe("see https://example.org/a_b_c now");
    expect(escapeData("(https://x.org/a_b), *now*")).toBe("(https://x.org/a_b), \\*now\\*");
    expect(escapeData("[a](http://x) [b](http://y)")).toBe("\\[a\\](http://x) \\[b\\](http://y)");
  });

  it("escapes very long unbroken text quickly", () => {
    const started = performance.now();
    escapeData("_".repeat(3000) + "x".repeat(100_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("keeps escapes working when the text already contains backslashes", () => {
    // A user's own "\" must not swallow our escape: "\*" would otherwise become "\\*" → live "*".
    expect(escapeData("\\*not italic*")).toBe("\\\\\\*not italic\\*");
    expect(escapeData("\\<@123>")).toBe("\\\\\\<@123>");
  });

  it("neutralises block quotes, headings, lists and subtext at the start of any line", () => {
    expect(escapeData("> quote\n# title\n- item\n-# small\n1. first")).toMatchInlineSnapshot(`
      "\\> quote
      \\# title
      \\- item
      \\-# small
      1\\. first"
    `);
  });

  it("keeps code spans closed and links pointed where the card said", () => {
    const message = renderDiscordMessage({
      fallbackText: "x",
      blocks: [
        {
          type: "section",
          text: [
            { text: "a`b<@1>", style: "code" },
            " ",
            { text: "see ]here[", href: "https://example.org/a b)c" },
          ],
        },
      ],
    });
    expect(message.embeds[0]?.description).toBe("`aˋb<@1>` [see \\]here\\[](https://example.org/a%20b%29c)");
  });

  it("keeps within every Discord limit and marks cuts with …", () => {
    const long = "x".repeat(5000);
    const message = renderDiscordMessage({
      fallbackText: "big",
      blocks: [
        { type: "header", text: long },
        { type: "section", text: [{ text: long, style: "bold" }] },
        {
          type: "fields",
          fields: Array.from({ length: 30 }, (_, i) => ({ label: `${i} ${long}`, value: [long] })),
        },
        {
          type: "actions",
          actions: Array.from({ length: 30 }, (_, i) => ({
            kind: "button" as const,
            actionId: "problem.vote",
            label: `${i} ${long}`.slice(0, 75),
            value: String(i),
          })),
        },
      ],
    });
    const [first] = message.embeds;
    expect(first?.title).toHaveLength(DISCORD_LIMITS.embedTitle);
    expect(first?.title?.endsWith("…")).toBe(true);
    expect(first?.description?.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    // The cut happens inside the bold text and the bold is still closed.
    expect(first?.description).toMatch(/^\*\*x+\*\*…$/);
    const total = message.embeds.reduce(
      (n, e) =>
        n +
        (e.title?.length ?? 0) +
        (e.description?.length ?? 0) +
        (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
      0,
    );
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotalText);
    for (const e of message.embeds) expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    expect(message.components).toHaveLength(DISCORD_LIMITS.rowsPerMessage);
    for (const row of message.components) expect(row.components).toHaveLength(5);
  });

  it("falls back to escaped content when the card has nothing an embed can show", () => {
    expect(renderDiscordMessage({ fallbackText: "@here *hi*", blocks: [{ type: "divider" }] })).toEqual({
      content: "@\u200Bhere \\*hi\\*",
      embeds: [],
      components: [],
      allowed_mentions: { parse: [] },
    });
  });

  it("truncates long button labels and drops link buttons Discord would refuse", () => {
    const message = renderDiscordMessage({
      fallbackText: "x",
      blocks: [
        { type: "section", text: ["x"] },
        {
          type: "actions",
          actions: [
            { kind: "link", label: "Too long", url: `https://example.org/${"a".repeat(600)}` },
            { kind: "button", actionId: "a", label: "😀".repeat(60), value: "" },
          ],
        },
      ],
    });
    const [button] = message.components[0]?.components ?? [];
    expect(button && "label" in button ? button.label?.length : 0).toBeLessThanOrEqual(80);
    expect(message.components[0]?.components).toHaveLength(1);
  });
});

describe("button custom ids", () => {
  it("round-trips the longest action id and value within 100 characters", () => {
    const actionId = `a${"b".repeat(39)}`;
    const value = `v:${"x".repeat(56)}`;
    const customId = encodeButtonCustomId(actionId, value);
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(decodeButtonCustomId(customId)).toEqual({ actionId, value });
  });

  it("refuses ids that are not ours", () => {
    for (const bad of ["", "more", "Upper:1", ":x", `a:${"x".repeat(59)}`, 42, null]) {
      expect(decodeButtonCustomId(bad)).toBeNull();
    }
  });
});

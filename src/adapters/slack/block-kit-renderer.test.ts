import { describe, expect, it } from "vitest";
import { type Card, cardSchema } from "../../core/shared/card.js";
import { renderHomeView, renderMessage, SLACK_LIMITS } from "./block-kit-renderer.js";
import { decodeButtonActionId } from "./button-action-ids.js";

const representative: Card = cardSchema.parse({
  fallbackText: "Bike lanes: 2 datasets",
  accent: "info",
  blocks: [
    { type: "header", text: "Bike lanes & paths" },
    {
      type: "section",
      text: [
        "Found ",
        { text: "2 datasets", style: "bold" },
        " for ",
        { text: "bike_lanes", style: "code" },
        ". See ",
        { text: "the catalog", href: "https://data.example.org/browse?q=bike&x=1" },
        ".",
      ],
    },
    {
      type: "fields",
      fields: [
        { label: "Updated", value: ["2024-05-01"] },
        { label: "Format", value: [{ text: "CSV", style: "italic" }, ", API"] },
      ],
    },
    { type: "list", items: [["Bike Routes"], ["Divvy Stations"]] },
    { type: "context", text: ["Source: City of Chicago"] },
    { type: "divider" },
    {
      type: "actions",
      actions: [
        { kind: "button", actionId: "problem.vote", label: "Vote", value: "p1", style: "primary" },
        { kind: "button", actionId: "problem.vote", label: "Vote", value: "p2" },
        { kind: "link", label: "Open", url: "https://data.example.org/d/abcd-1234" },
      ],
    },
    { type: "image", url: "https://data.example.org/map.png", alt: "Map of lanes" },
  ],
});

describe("renderMessage", () => {
  it("renders every card block as Block Kit", () => {
    expect(renderMessage(representative)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "emoji": true,
              "text": "Bike lanes &amp; paths",
              "type": "plain_text",
            },
            "type": "header",
          },
          {
            "text": {
              "text": "Found *2 datasets* for \`bike_lanes\`. See <https://data.example.org/browse?q=bike&amp;x=1|the catalog>.",
              "type": "mrkdwn",
              "verbatim": true,
            },
            "type": "section",
          },
          {
            "fields": [
              {
                "text": "*Updated*
      2024-05-01",
                "type": "mrkdwn",
                "verbatim": true,
              },
              {
                "text": "*Format*
      _CSV_, API",
                "type": "mrkdwn",
                "verbatim": true,
              },
            ],
            "type": "section",
          },
          {
            "text": {
              "text": "• Bike Routes
      • Divvy Stations",
              "type": "mrkdwn",
              "verbatim": true,
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "Source: City of Chicago",
                "type": "mrkdwn",
                "verbatim": true,
              },
            ],
            "type": "context",
          },
          {
            "type": "divider",
          },
          {
            "elements": [
              {
                "action_id": "problem.vote",
                "style": "primary",
                "text": {
                  "emoji": true,
                  "text": "Vote",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "p1",
              },
              {
                "action_id": "problem.vote#2",
                "text": {
                  "emoji": true,
                  "text": "Vote",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "p2",
              },
              {
                "action_id": "datadesk:link:1",
                "text": {
                  "emoji": true,
                  "text": "Open",
                  "type": "plain_text",
                },
                "type": "button",
                "url": "https://data.example.org/d/abcd-1234",
              },
            ],
            "type": "actions",
          },
          {
            "alt_text": "Map of lanes",
            "image_url": "https://data.example.org/map.png",
            "type": "image",
          },
        ],
        "text": "Bike lanes: 2 datasets",
      }
    `);
  });

  it("gives repeated actions unique ids that decode back to the card's action id", () => {
    const actions = renderMessage(representative).blocks.find((b) => b.type === "actions");
    const ids =
      actions?.type === "actions" ? actions.elements.map((e) => ("action_id" in e ? e.action_id : "")) : [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map((id) => (id ? decodeButtonActionId(id) : null))).toEqual([
      "problem.vote",
      "problem.vote",
      null,
    ]);
  });

  it("renders the home view with the same blocks", () => {
    const home = renderHomeView(representative);
    expect(home.type).toBe("home");
    expect(home.blocks).toEqual(renderMessage(representative).blocks);
  });
});

function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== "object" || value === null) return [];
  const own = "type" in value && value.type === "mrkdwn" && "text" in value && typeof value.text === "string";
  return [...(own ? [value.text as string] : []), ...Object.values(value).flatMap(mrkdwnTexts)];
}

describe("user text is inert", () => {
  const hostile =
    "@everyone @here <!channel> <!here> <!everyone> <@U123> [x](http://evil) <http://evil|click> *bold* _it_ ~s~ `c` > quote & co";
  const card: Card = cardSchema.parse({
    fallbackText: hostile,
    blocks: [
      { type: "header", text: hostile },
      {
        type: "section",
        text: [hostile, { text: hostile, style: "bold" }, { text: hostile, style: "code" }],
      },
      { type: "fields", fields: [{ label: hostile, value: [hostile] }] },
      { type: "list", items: [[hostile]] },
      { type: "context", text: [hostile] },
      { type: "actions", actions: [{ kind: "button", actionId: "x.y", label: "<!channel>", value: "v" }] },
      { type: "image", url: "https://example.org/i.png", alt: hostile },
    ],
  });

  it("leaves no mention, link or formatting a user could have written", () => {
    for (const rendered of [renderMessage(card), renderHomeView(card)]) {
      const json = JSON.stringify(rendered);
      // Slack markup only starts with "<"; none may survive from data.
      expect(json).not.toMatch(/<[!@#]/);
      expect(json).not.toMatch(/<https?:/);
      expect(json).not.toContain("<@U123>");
      expect(json).not.toContain("<!channel>");
      expect(json).not.toContain("<!here>");
      expect(json).not.toContain("<!everyone>");
      expect(json).not.toContain("<http://evil|click>");
      // Slack has no [text](url) syntax and verbatim mrkdwn never auto-links: it stays literal text.
      expect(json).not.toContain("<http://evil|x>");
      expect(json).not.toMatch(/@(everyone|here)\b/);
      expect(json).not.toContain("link_names");
      expect(json).not.toContain('"parse"');
      // Formatting only exists in mrkdwn, and not inside code spans (plain_text shows "*bold*" as typed).
      const fallback = "text" in rendered ? [rendered.text] : [];
      for (const text of [...fallback, ...mrkdwnTexts(rendered)]) {
        const outsideCode = text.replace(/`[^`]*`/g, "");
        for (const styled of ["*bold*", "_it_", "~s~", "`c`"]) expect(outsideCode).not.toContain(styled);
      }
    }
  });

  it("escapes Slack's three characters and fences formatting with invisible joiners", () => {
    const section = renderMessage(card).blocks[1];
    const text = section?.type === "section" ? (section.text?.text ?? "") : "";
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&amp; co");
    expect(text).toContain("\u200D*\u200Dbold\u200D*\u200D");
    expect(text.replace(/\u200D/g, "")).toContain("*bold*");
    // The bold we chose still wraps the data; a backtick cannot close the code span early.
    expect(text).toMatch(/\*@\u200Deveryone/);
    expect(text).toContain("`@\u200Deveryone");
    expect(text).toContain("ˋcˋ");
  });
});

describe("mentions", () => {
  const pinged: Card = cardSchema.parse({
    fallbackText: "New problem for Maria",
    blocks: [
      { type: "section", text: [{ mention: "U0MARIA", text: "Maria" }, " please look at <@U123> & @here"] },
      { type: "context", text: ["Topic champion: ", { mention: "U0MARIA", text: "Maria" }] },
      { type: "fields", fields: [{ label: "Champion", value: [{ mention: "W0ENTERPRISE", text: "Ed" }] }] },
      { type: "list", items: [[{ mention: "U0MARIA", text: "Maria" }, " <!channel>"]] },
    ],
  });

  it("renders a mention segment as Slack's user mention, in every rich-text block", () => {
    const json = JSON.stringify(renderMessage(pinged).blocks);
    expect(json.match(/<@U0MARIA>/g)).toHaveLength(3);
    expect(json).toContain("<@W0ENTERPRISE>");
    const section = renderMessage(pinged).blocks[0];
    expect(section?.type === "section" && section.text?.text).toBe(
      "<@U0MARIA> please look at &lt;@U123\u200D&gt; &amp; @\u200Dhere",
    );
  });

  it("pings only the mention segments' users: text beside them stays inert", () => {
    const json = JSON.stringify(renderMessage(pinged));
    expect(json.match(/<[@!#]/g)).toHaveLength(4);
    expect(json).not.toContain("<@U123>");
    expect(json).not.toContain("<!channel>");
  });

  it("shows the name, pinging no one, for an id that is not a Slack user's", () => {
    const message = renderMessage({
      fallbackText: "x",
      blocks: [{ type: "section", text: [{ mention: "123456789012345678", text: "Ana" }] }],
    });
    const section = message.blocks[0];
    expect(section?.type === "section" && section.text?.text).toBe("@Ana");
  });

  it("keeps a mention whole or drops it when a text is cut to Slack's limit", () => {
    const message = renderMessage({
      fallbackText: "x",
      blocks: [{ type: "section", text: ["a".repeat(2993), { mention: "U0MARIA", text: "Maria" }] }],
    });
    const section = message.blocks[0];
    const text = section?.type === "section" ? (section.text?.text ?? "") : "";
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(text).not.toMatch(/<@[A-Z0-9]*$/);
    expect(text.endsWith("…")).toBe(true);
  });
});

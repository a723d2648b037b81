import { describe, expect, it } from "vitest";
import type { Card } from "../../core/shared/card.js";
import { renderHomeView, renderMessage, SLACK_LIMITS } from "./block-kit-renderer.js";

describe("Block Kit limits", () => {
  const long = "x".repeat(5000);

  it("truncates texts with an ellipsis", () => {
    const message = renderMessage({
      fallbackText: long,
      blocks: [
        { type: "header", text: long },
        { type: "section", text: [long] },
        {
          type: "actions",
          actions: [{ kind: "button", actionId: "a.b", label: "y".repeat(75), value: "v" }],
        },
      ],
    });
    const [header, section] = message.blocks;
    expect(header?.type === "header" && header.text.text.length).toBe(SLACK_LIMITS.headerText);
    expect(header?.type === "header" && header.text.text.endsWith("…")).toBe(true);
    expect(section?.type === "section" && section.text?.text.length).toBe(SLACK_LIMITS.sectionText);
    expect(message.text.length).toBe(SLACK_LIMITS.fallbackText);
  });

  it("never cuts an entity or a link in half and closes the styling it opened", () => {
    const message = renderMessage({
      fallbackText: "",
      blocks: [
        { type: "section", text: ["&".repeat(2998), { text: "bold words", style: "bold" }] },
        {
          type: "section",
          text: ["a".repeat(2990), { text: "label", href: "https://example.org/a-long-path" }],
        },
      ],
    });
    const texts = message.blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""));
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(text).not.toMatch(/<https?:[^>]*$/);
      expect(text.endsWith("…")).toBe(true);
    }
    expect(message.text).toBe(`${"&amp;".repeat(599)}…`);
  });

  it("splits more than 10 fields and 25 buttons, and caps blocks at 50 (100 on Home)", () => {
    const many: Card = {
      fallbackText: "many",
      blocks: [
        { type: "fields", fields: Array.from({ length: 23 }, (_, i) => ({ label: `f${i}`, value: ["v"] })) },
        {
          type: "actions",
          actions: Array.from({ length: 30 }, (_, i) => ({
            kind: "button" as const,
            actionId: "a.b",
            label: `b${i}`,
            value: `${i}`,
          })),
        },
        ...Array.from({ length: 120 }, () => ({ type: "divider" as const })),
      ],
    };
    const blocks = renderMessage(many).blocks;
    expect(blocks).toHaveLength(SLACK_LIMITS.messageBlocks);
    expect(blocks.slice(0, 3).map((b) => (b.type === "section" ? b.fields?.length : 0))).toEqual([10, 10, 3]);
    expect(blocks.slice(3, 5).map((b) => (b.type === "actions" ? b.elements.length : 0))).toEqual([25, 5]);
    expect(blocks.at(-1)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "…", verbatim: true }],
    });
    expect(renderHomeView(many).blocks).toHaveLength(SLACK_LIMITS.homeBlocks);
  });

  it("drops empty text blocks Slack would reject and never sends an empty fallback", () => {
    const message = renderMessage({
      fallbackText: " ",
      blocks: [
        { type: "section", text: [""] },
        { type: "header", text: "" },
      ],
    });
    expect(message).toEqual({ text: "…", blocks: [] });
  });
});

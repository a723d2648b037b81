import { describe, expect, it } from "vitest";
import type { Card } from "../../core/shared/card.js";
import { renderConsoleCard } from "./console-renderer.js";

const card: Card = {
  fallbackText: "Bike lanes",
  blocks: [
    { type: "header", text: "Bike Routes" },
    { type: "section", text: ["Where the city's ", { text: "bike lanes", style: "bold" }, " are."] },
    { type: "fields", fields: [{ label: "Updated", value: ["2020-07-01"] }] },
    { type: "list", items: [["first"], [{ text: "second", href: "https://example.org/x" }]] },
    { type: "divider" },
    {
      type: "actions",
      actions: [
        { kind: "button", actionId: "problem.vote", label: "Vote", value: "12" },
        { kind: "link", label: "Open", url: "https://example.org/" },
      ],
    },
  ],
};

describe("renderConsoleCard", () => {
  it("renders every block as readable text and numbers the buttons", () => {
    const { text, buttons } = renderConsoleCard(card, { actionsHint: "(type !1)" });
    expect(text).toMatchInlineSnapshot(`
      "Bike Routes
      ===========
      Where the city's *bike lanes* are.
      Updated: 2020-07-01
        • first
        • second <https://example.org/x>
      ----------------------------------------
      [!1] Vote   Open: https://example.org/
      (type !1)"
    `);
    expect(buttons.map((b) => b.actionId)).toEqual(["problem.vote"]);
  });

  it("strips terminal control sequences from user text", () => {
    const { text } = renderConsoleCard(
      { fallbackText: "x", blocks: [{ type: "section", text: ["evil\u001b[2J\u001b[Hcleared"] }] },
      { actionsHint: "" },
    );
    expect(text).not.toContain("\u001b");
    expect(text).toContain("evil[2J[Hcleared");
  });
});

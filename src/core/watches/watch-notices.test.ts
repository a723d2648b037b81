import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translator.js";
import type { WatchNotice } from "../ports/watch-store.js";
import { noticeLine, watchNoticesCard } from "./watch-notices.js";
import { parseWatchText } from "./watch-something.js";

const notice = (over: Partial<WatchNotice>): WatchNotice => ({
  personId: "ana",
  communityId: "c",
  watchKind: "dataset",
  watchTarget: "d1",
  datasetId: "d1",
  datasetTitle: "Beach Lab Data",
  landingPage: "https://data.example.org/beach",
  accessLevel: "public",
  change: "updated",
  fields: ["modified"],
  ...over,
});

describe("watch notices", () => {
  const en = translator("en");

  it("says what changed, and only that a restricted dataset changed", () => {
    expect(noticeLine(en, notice({ fields: ["modified", "license"] }))).toBe(
      "updated: modified date, license",
    );
    expect(noticeLine(en, notice({ fields: [] }))).toBe("updated");
    expect(noticeLine(en, notice({ change: "removed" }))).toBe("removed from the catalog");
    expect(noticeLine(en, notice({ change: "new", watchKind: "topic", watchTarget: "transportation" }))).toBe(
      "new, on the topic “transportation”",
    );
    expect(
      noticeLine(en, notice({ change: "overdue", dueOn: "2026-11-02", accessLevel: "non-public" })),
    ).toBe("overdue: its own update schedule expected new data by 2026-11-02");
    expect(noticeLine(en, notice({ accessLevel: "non-public", fields: ["description"] }))).toBe(
      "changed (restricted dataset: details on request)",
    );
  });

  it("builds one card listing every change, in the person's language", () => {
    const card = watchNoticesCard(
      translator("es"),
      {
        personId: "ana",
        communityId: "c",
        notices: [notice({}), notice({ datasetId: "d2", change: "removed" })],
        total: 2,
      },
      "discord",
    );
    expect(card.fallbackText).toBe("2 cambios en los datos que sigues");
    const list = card.blocks.find((b) => b.type === "list");
    expect(list?.type === "list" ? list.items.length : 0).toBe(2);
    expect(JSON.stringify(card)).toContain("/watches");
    expect(JSON.stringify(card)).not.toContain("más");
  });

  it("counts the changes it does not list", () => {
    const card = watchNoticesCard(
      en,
      { personId: "ana", communityId: "c", notices: [notice({})], total: 181 },
      "slack",
    );
    expect(card.fallbackText).toBe("181 changes in the data you watch");
    const list = card.blocks.find((b) => b.type === "list");
    expect(list?.type === "list" ? list.items.length : 0).toBe(1);
    expect(JSON.stringify(card)).toContain("…and 180 more changes.");
  });

  it("reads what to watch from the typed text", () => {
    expect(parseWatchText("topic Transportation")).toEqual({ kind: "topic", target: "transportation" });
    expect(parseWatchText('"COVID-19 testing"')).toEqual({ kind: "words", target: "covid-19 testing" });
    expect(parseWatchText("“bike lanes”")).toEqual({ kind: "words", target: "bike lanes" });
    expect(parseWatchText(" Beach Lab Data ")).toEqual({ kind: "dataset", reference: "Beach Lab Data" });
    expect(parseWatchText("  ")).toEqual({ kind: "empty" });
  });
});

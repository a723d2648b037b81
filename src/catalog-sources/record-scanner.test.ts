import { describe, expect, it } from "vitest";
import type { RecordLayout } from "./json-walker.js";
import { RecordScanner, type ScannedEvent } from "./record-scanner.js";

/** Scans `text` cut into chunks of `size` bytes: every record must come out whatever the cuts. */
function scan(text: string, layout: RecordLayout, size = Number.POSITIVE_INFINITY): ScannedEvent[] {
  const bytes = Buffer.from(text, "utf8");
  const scanner = new RecordScanner(layout);
  const events: ScannedEvent[] = [];
  const step = Math.min(size, bytes.length || 1);
  for (let at = 0; at < bytes.length; at += step)
    events.push(...scanner.write(bytes.subarray(at, at + step)));
  events.push(...scanner.end());
  return events;
}

const dcat: RecordLayout = { recordArrays: [["dataset"]] };
const ckan: RecordLayout = { recordArrays: [["result", "results"]], totalAt: ["result", "count"] };

const tricky = {
  identifier: 'a "quoted" id with \\ backslashes \\" and braces {[',
  title: "Ünïcödé ✓ 漢字 — \u2028 and an emoji 🚲",
  keyword: ["]", "}", "\\", '"'],
  nested: { deep: [[{ x: null, y: true, z: -1.5e3 }]] },
};

describe("RecordScanner", () => {
  it("yields each record with the exact bytes it was parsed from, wherever the chunks are cut", () => {
    const records = [tricky, { identifier: "2", title: "Two" }, {}];
    const text = `\uFEFF{"@context": {"dataset": ["not", "these"]}, "count": 3,\n "dataset" : [ ${records
      .map((record) => JSON.stringify(record))
      .join(" ,\n")} ], "tail": "x\\"]}"}\n`;
    const whole = scan(text, dcat);
    expect(whole[0]).toEqual({ type: "records-start" });
    const found = whole.flatMap((event) => (event.type === "record" ? [event] : []));
    expect(found.map((event) => event.value)).toEqual(records);
    expect(found.map((event) => event.bytes.toString("utf8"))).toEqual(records.map((r) => JSON.stringify(r)));
    for (const size of [1, 2, 3, 5, 7, 64]) expect(scan(text, dcat, size)).toEqual(whole);
  });

  it("reads the announced total and the records of a nested envelope", () => {
    const text =
      '{"help": "h", "success": true, "result": {"count": 2, "results": [{"id": "a"}, {"id": "b"}]}}';
    for (const size of [1, 4, 1000]) {
      const events = scan(text, ckan, size);
      expect(events.filter((event) => event.type === "total")).toEqual([{ type: "total", total: 2 }]);
      expect(events.flatMap((event) => (event.type === "record" ? [event.value] : []))).toEqual([
        { id: "a" },
        { id: "b" },
      ]);
    }
  });

  it("a top-level array of records, and an empty one", () => {
    const top: RecordLayout = { recordArrays: [[]] };
    expect(scan('[{"a":1}, {"a":2}]', top, 3).filter((event) => event.type === "record")).toHaveLength(2);
    expect(scan("[ ]", top)).toEqual([{ type: "records-start" }]);
    expect(scan('{"dataset": []}', dcat)).toEqual([{ type: "records-start" }]);
  });

  it("rejects truncated, empty and non-JSON input, and broken records or envelopes", () => {
    const bad = [
      "",
      "   ",
      '{"dataset": [{"identifier": "1"}',
      '{"dataset": [{"identifier": "1"}]',
      '{"dataset": [{"identifier": "1"]}',
      '{"dataset": [{"identifier": 1,}]}',
      '{"dataset" [] }',
      '{"dataset": [], }',
      '{"dataset": []} x',
      "name,title\n1,2\n",
      "<html><body>not found</body></html>",
      '{"count": tru, "dataset": []}',
      '{"dataset": ["unterminated]}',
    ];
    for (const text of bad) {
      for (const size of [1, 1000])
        expect(() => scan(text, dcat, size), `${text} / ${size}`).toThrow(SyntaxError);
    }
  });
});

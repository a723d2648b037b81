import { describe, expect, it } from "vitest";
import { CapturedStream } from "../../../test/support/captured-stream.js";
import { createImportProgress } from "./import-progress.js";

describe("import progress", () => {
  it("prints a line per tenth of a known total, then the final count", () => {
    const stream = new CapturedStream(false);
    const progress = createImportProgress(stream);
    for (let records = 1; records <= 25; records += 1) progress.onProgress({ records, total: 25 });
    progress.finish();
    expect(stream.text.split("\n").filter(Boolean)).toEqual([
      "read 3 of 25 records",
      "read 6 of 25 records",
      "read 9 of 25 records",
      "read 12 of 25 records",
      "read 15 of 25 records",
      "read 18 of 25 records",
      "read 21 of 25 records",
      "read 24 of 25 records",
      "read 25 of 25 records",
    ]);
  });

  it("prints every 10,000 records when the size is unknown, and nothing twice", () => {
    const stream = new CapturedStream(false);
    const progress = createImportProgress(stream);
    for (let records = 1; records <= 20_000; records += 1) progress.onProgress({ records, total: null });
    progress.finish();
    expect(stream.text).toBe("read 10000 records\nread 20000 records\n");
  });

  it("draws a cli-progress bar on a terminal and clears it at the end", () => {
    const stream = new CapturedStream(true);
    const progress = createImportProgress(stream);
    progress.onProgress({ records: 1, total: 38 });
    progress.onProgress({ records: 10, total: 38 });
    progress.finish();
    expect(stream.text).toContain("reading catalog [");
    expect(stream.text).toContain("1/38 records");
    expect(stream.text).toContain("10/38 records");
    // Cursor hidden while drawing, shown again when done.
    expect(stream.text).toContain("\x1B[?25l");
    expect(stream.text).toContain("\x1B[?25h");
  });

  it("counts up without a total on a terminal", () => {
    const stream = new CapturedStream(true);
    const progress = createImportProgress(stream);
    progress.onProgress({ records: 1, total: null });
    progress.onProgress({ records: 2, total: null });
    progress.finish();
    expect(stream.text).toContain("reading catalog | 2 records");
  });
});

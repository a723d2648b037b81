import { describe, expect, it } from "vitest";
import type { SqlExecutor } from "../sql-executor.js";
import { TermStatistics } from "./term-statistics.js";

const SOURCE = "7d3c1a52-3a0e-4a57-9d39-2f4b7c8e9a10";

/** Answers ts_stat and the count like a small source would, counting how often each ran. */
function fakeSql() {
  const calls = { tsStat: 0, count: 0 };
  const sql: Pick<SqlExecutor, "query"> = {
    async query<T>(text: string): Promise<T[]> {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (text.includes("ts_stat")) {
        calls.tsStat += 1;
        return [{ word: "bike", ndoc: 3 }] as T[];
      }
      calls.count += 1;
      return [{ n: 10 }] as T[];
    },
  };
  return { sql, calls };
}

describe("TermStatistics", () => {
  it("loads a source's terms once for a burst of questions after a sync changed its signature", async () => {
    const { sql, calls } = fakeSql();
    const terms = new TermStatistics(sql);
    await terms.corpus([{ id: SOURCE, signature: "before" }]);
    expect(calls.tsStat).toBe(1);
    const burst = await Promise.all(
      Array.from({ length: 50 }, () => terms.corpus([{ id: SOURCE, signature: "after-sync" }])),
    );
    expect(calls.tsStat).toBe(2);
    expect(burst.every((corpus) => corpus.documents === 10 && corpus.frequency("bike") === 3)).toBe(true);
  });

  it("reloads once when the terms are older than their maximum age", async () => {
    const { sql, calls } = fakeSql();
    const terms = new TermStatistics(sql, 0);
    await terms.corpus([{ id: SOURCE, signature: "v" }]);
    await Promise.all(Array.from({ length: 20 }, () => terms.corpus([{ id: SOURCE, signature: "v" }])));
    expect(calls.tsStat).toBe(2);
  });
});

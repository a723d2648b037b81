import { describe, expect, it } from "vitest";
import { createInFlightWork } from "./in-flight-work.js";

describe("createInFlightWork", () => {
  it("drains once running tasks settle, failed ones included", async () => {
    const work = createInFlightWork();
    const finished: string[] = [];
    void work.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished.push("slow");
    });
    const failing = work.run(async () => {
      throw new Error("boom");
    });
    await expect(failing).rejects.toThrow("boom");
    expect(await work.drain(1_000)).toBe(true);
    expect(finished).toEqual(["slow"]);
  });

  it("gives up after the timeout", async () => {
    const work = createInFlightWork();
    let release: () => void = () => {};
    void work.run(() => new Promise<void>((resolve) => (release = resolve)));
    expect(await work.drain(10)).toBe(false);
    release();
    expect(await work.drain(1_000)).toBe(true);
  });

  it("is immediately drained when idle", async () => {
    expect(await createInFlightWork().drain(0)).toBe(true);
  });
});

describe("createInFlightWork concurrency", () => {
  it("runs at most the given number of replies at once, the rest in arrival order", async () => {
    const work = createInFlightWork(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(n);
      running--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => work.run(task(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
    expect(await work.drain(100)).toBe(true);
  });

  it("lets the next reply start when one fails", async () => {
    const work = createInFlightWork(1);
    const failed = work.run(async () => {
      throw new Error("boom");
    });
    await expect(failed).rejects.toThrow("boom");
    expect(await work.run(async () => "next")).toBe("next");
  });
});

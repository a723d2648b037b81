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

import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../test/fakes/core/fake-clock.js";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { cardPlainText } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { createDatadesk } from "./create-datadesk.js";
import { WriteRateLimiter } from "./write-rate-limit.js";

describe("WriteRateLimiter", () => {
  it("allows a burst, then refills at the sustained rate", () => {
    const clock = new FakeClock();
    const limiter = new WriteRateLimiter(clock, { burst: 3, perMinute: 6 });
    expect([1, 2, 3, 4].map(() => limiter.take("p"))).toEqual([true, true, true, false]);
    expect(limiter.take("other")).toBe(true);
    clock.advanceMinutes(10 / 60);
    expect(limiter.take("p")).toBe(true);
    expect(limiter.take("p")).toBe(false);
  });

  it("forgets the longest-idle people past its size", () => {
    const limiter = new WriteRateLimiter(new FakeClock(), { burst: 1, perMinute: 1 }, 2);
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("b")).toBe(true);
    expect(limiter.take("c")).toBe(true);
    // "a" was forgotten, so it starts with a full bucket again; "c" is remembered and empty.
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("c")).toBe(false);
  });
});

describe("write rate limit in the core", () => {
  it("refuses a flood of button presses from one person, kindly, and serves others", async () => {
    const deps = fakeCoreDeps();
    const core = createDatadesk(deps, { writeRateLimit: { burst: 2, perMinute: 2 } });
    const flooder: PlatformIdentity = { platform: "slack", workspaceId: "T1", userId: "UFLOOD" };
    const press = (who: PlatformIdentity) =>
      core.handle(who, { kind: "action", actionId: "problem.page", value: "top:1" });
    await press(flooder);
    await press(flooder);
    const third = await press(flooder);
    expect(third.kind === "card" && cardPlainText(third.card)).toMatch(/a bit fast/);
    const other = await press({ ...flooder, userId: "UOTHER" });
    expect(other.kind).toBe("update");
    // Reading is never limited.
    const help = await core.handle(flooder, { kind: "commandText", text: "help" });
    expect(help.kind).toBe("card");
  });
});

import { describe, expect, it } from "vitest";
import { FakeClock } from "../../test/fakes/core/fake-clock.js";
import { InMemoryDigestSource } from "../../test/fakes/core/in-memory-digest-source.js";
import { busyWeek, busyWeekFacts } from "../../test/support/digest-world.js";
import { createMetrics, registerImpactGauges } from "./metrics.js";

const communityId = "c0000000-0000-4000-8000-000000000001";

function setup(options: { failing?: boolean } = {}) {
  const metrics = createMetrics({ defaultMetrics: false });
  const source = new InMemoryDigestSource(busyWeekFacts(communityId));
  const clock = new FakeClock(busyWeek.now);
  let failing = options.failing ?? false;
  const errors: unknown[] = [];
  registerImpactGauges(metrics, {
    communities: async () => {
      if (failing) throw new Error("database down");
      return [{ id: communityId, slug: "chicago", timezone: busyWeek.timezone }];
    },
    digestSource: source,
    clock,
    refreshSeconds: 60,
    onError: (error) => errors.push(error),
  });
  return { metrics, source, clock, errors, setFailing: (value: boolean) => (failing = value) };
}

describe("impact gauges", () => {
  it("expose this week's and last week's figures per community", async () => {
    const { metrics } = setup();
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'datadesk_impact_problem_first_response_hours{community="chicago",week="current"} 15',
    );
    expect(text).toContain(
      'datadesk_impact_problem_first_response_hours{community="chicago",week="previous"} 24',
    );
    expect(text).toContain('datadesk_impact_problems_solved{community="chicago",week="current"} 1');
    expect(text).toContain('datadesk_impact_datasets_linked{community="chicago",week="current"} 3');
    // No access response last week: no median to report, rather than a misleading zero.
    expect(text).not.toContain(
      'datadesk_impact_access_first_response_hours{community="chicago",week="previous"}',
    );
  });

  it("query once per refresh period however often and however many gauges are scraped", async () => {
    const { metrics, source, clock } = setup();
    await metrics.registry.metrics();
    await metrics.registry.metrics();
    expect(source.calls.filter((call) => call === "impactCounts")).toHaveLength(2);
    clock.advanceMinutes(2);
    await metrics.registry.metrics();
    expect(source.calls.filter((call) => call === "impactCounts")).toHaveLength(4);
  });

  it("keep serving the last figures when a refresh fails", async () => {
    const { metrics, clock, errors, setFailing } = setup();
    await metrics.registry.metrics();
    setFailing(true);
    clock.advanceMinutes(2);
    const text = await metrics.registry.metrics();
    expect(text).toContain('datadesk_impact_problems_solved{community="chicago",week="current"} 1');
    expect(errors).toHaveLength(1);
  });
});

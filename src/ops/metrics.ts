import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { digestWeekOf, previousWeek } from "../core/digest/digest-week.js";
import { compareImpact, type ImpactFigures } from "../core/digest/impact-figures.js";
import type { Clock } from "../core/ports/clock.js";
import type { DigestSource } from "../core/ports/digest-source.js";

/** Prometheus metrics for one process. A registry per instance keeps tests independent. */
export interface Metrics {
  registry: Registry;
  requests: Counter<"platform" | "kind" | "outcome">;
  requestSeconds: Histogram<"platform" | "kind">;
  /** Outbox messages handled by the worker: outcome sent, retried or dead. */
  outboxDeliveries: Counter<"platform" | "outcome">;
  /** Gateway packets discord.js threw on, dropped by the packet guard, by event name. */
  discordPacketFailures: Counter<"event">;
  /** Platform clients rebuilt after a failure. */
  platformRestarts: Counter<"platform">;
  /** Errors that reached the process (uncaught or unhandled), by kind and the platform blamed. */
  processErrors: Counter<"kind" | "platform">;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "datadesk_" });
  return {
    registry,
    requests: new Counter({
      name: "datadesk_requests_total",
      help: "Requests handled, by platform, kind (command, message, action, home) and outcome",
      labelNames: ["platform", "kind", "outcome"],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: "datadesk_request_duration_seconds",
      help: "Time from a parsed platform request to the core's reply",
      labelNames: ["platform", "kind"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    outboxDeliveries: new Counter({
      name: "datadesk_outbox_deliveries_total",
      help: "Outbox messages the worker handled, by platform and outcome (sent, retried, dead)",
      labelNames: ["platform", "outcome"],
      registers: [registry],
    }),
    discordPacketFailures: new Counter({
      name: "datadesk_discord_packet_failures_total",
      help: "Discord gateway packets discord.js could not handle (dropped; the bot kept running), by event",
      labelNames: ["event"],
      registers: [registry],
    }),
    platformRestarts: new Counter({
      name: "datadesk_platform_restarts_total",
      help: "Platform clients rebuilt after a failure, by platform",
      labelNames: ["platform"],
      registers: [registry],
    }),
    processErrors: new Counter({
      name: "datadesk_process_errors_total",
      help: "Errors that escaped to the process (kind uncaught or unhandled_rejection), by the platform blamed (none when unknown)",
      labelNames: ["kind", "platform"],
      registers: [registry],
    }),
  };
}

/** What the impact gauges read: each community's week, through the digest's own definitions. */
export interface ImpactGaugeSource {
  communities(): Promise<{ id: string; slug: string; timezone: string }[]>;
  digestSource: Pick<DigestSource, "impactCounts">;
  clock: Clock;
  /** Seconds a computed snapshot serves scrapes (default 300): a scrape costs a query at most that often. */
  refreshSeconds?: number;
  onError?: (error: unknown) => void;
}

const impactGauges: [keyof ImpactFigures, string, string][] = [
  [
    "problemFirstResponseHours",
    "problem_first_response_hours",
    "Median hours to a champion's first response to a problem, for first responses that week",
  ],
  [
    "problemFirstResponses",
    "problem_first_responses",
    "Problems that got their first champion response that week",
  ],
  [
    "accessFirstResponseHours",
    "access_first_response_hours",
    "Median hours to the first decision or question on an access request, for those that week",
  ],
  [
    "accessFirstResponses",
    "access_first_responses",
    "Access requests that got their first decision or question that week",
  ],
  ["problemsSolved", "problems_solved", "Problems solved that week"],
  ["requestsDecided", "requests_decided", "Access requests approved or denied that week"],
  [
    "datasetsLinked",
    "datasets_linked",
    "Distinct datasets newly linked to problems or published showcases that week",
  ],
];

/**
 * The digest's impact figures as gauges, labelled by community and week ("current": this week so
 * far in the community's timezone; "previous": last week). Computed on scrape, but at most every
 * `refreshSeconds` and once for all gauges (one shared snapshot), so scraping stays cheap; a failed
 * refresh keeps serving the last snapshot.
 */
export function registerImpactGauges(metrics: Metrics, source: ImpactGaugeSource): void {
  type Row = { community: string; week: "current" | "previous"; figures: ImpactFigures };
  let snapshot: { at: number; rows: Row[] } | null = null;
  let refreshing: Promise<Row[]> | null = null;
  const maxAgeMs = (source.refreshSeconds ?? 300) * 1000;

  async function compute(): Promise<Row[]> {
    const rows: Row[] = [];
    for (const community of await source.communities()) {
      const week = digestWeekOf(source.clock.now(), community.timezone);
      const before = previousWeek(week, community.timezone);
      const { current, previous } = await compareImpact(
        source.digestSource,
        { communityId: community.id, start: week.start, end: week.end },
        { communityId: community.id, start: before.start, end: before.end },
      );
      rows.push({ community: community.slug, week: "current", figures: current });
      rows.push({ community: community.slug, week: "previous", figures: previous });
    }
    return rows;
  }

  async function rows(): Promise<Row[]> {
    const now = source.clock.now().getTime();
    if (snapshot && now - snapshot.at < maxAgeMs) return snapshot.rows;
    refreshing ??= compute()
      .then((computed) => {
        snapshot = { at: now, rows: computed };
        return computed;
      })
      .catch((error: unknown) => {
        source.onError?.(error);
        return snapshot?.rows ?? [];
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  for (const [key, name, help] of impactGauges) {
    new Gauge({
      name: `datadesk_impact_${name}`,
      help,
      labelNames: ["community", "week"],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const row of await rows()) {
          const value = row.figures[key];
          if (value !== null) this.set({ community: row.community, week: row.week }, value);
        }
      },
    });
  }
}

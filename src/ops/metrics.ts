import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Prometheus metrics for one process. A registry per instance keeps tests independent. */
export interface Metrics {
  registry: Registry;
  requests: Counter<"platform" | "kind" | "outcome">;
  requestSeconds: Histogram<"platform" | "kind">;
  /** Outbox messages handled by the worker: outcome sent, retried or dead. */
  outboxDeliveries: Counter<"platform" | "outcome">;
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
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AppLogger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import type { PlatformHealth } from "./platform-health.js";

/**
 * An HTTP route datadesk serves besides the platforms' own endpoints. In Slack HTTP mode the
 * Slack port's ack thread passes them to the adapter's route server; otherwise `startHttpServer`
 * serves them on their own port.
 */
export interface HttpRoute {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

export interface HealthProbe {
  /** Rejects when the database cannot answer. */
  checkDatabase(): Promise<void>;
  /** True once shutdown began: load balancers should stop sending traffic. */
  isShuttingDown(): boolean;
  /** Each running platform's connection, by name. */
  platforms?(): Record<string, PlatformHealth>;
}

export function opsRoutes(deps: { metrics: Metrics; health: HealthProbe }): HttpRoute[] {
  return [
    {
      path: "/healthz",
      method: "GET",
      async handler(_req, res) {
        let database = "ok";
        try {
          await deps.health.checkDatabase();
        } catch {
          database = "unavailable";
        }
        const ok = database === "ok" && !deps.health.isShuttingDown();
        const platforms = deps.health.platforms?.() ?? {};
        // A platform being rebuilt is "degraded", not down: answering 503 would make an
        // orchestrator kill the process and take the platforms that still work with it.
        const degraded = Object.values(platforms).some((p) => p.status !== "ready");
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(
          JSON.stringify({
            status: ok ? (degraded ? "degraded" : "ok") : "unavailable",
            database,
            shuttingDown: deps.health.isShuttingDown(),
            ...(Object.keys(platforms).length > 0 ? { platforms } : {}),
          }),
        );
      },
    },
    {
      path: "/metrics",
      method: "GET",
      async handler(_req, res) {
        const body = await deps.metrics.registry.metrics();
        res.writeHead(200, { "content-type": deps.metrics.registry.contentType });
        res.end(body);
      },
    },
  ];
}

/**
 * Dispatches requests to routes by exact path: 404 for an unknown path, 405 for a known path
 * asked with another method, 500 (and a log line, when given a logger) for a route that failed.
 */
export function routesRequestListener(
  routes: HttpRoute[],
  logger?: AppLogger,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = routes.find((r) => r.path === path);
    const methods = route ? (Array.isArray(route.method) ? route.method : [route.method]) : [];
    if (!route) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not_found" }));
      return;
    }
    if (!methods.includes(req.method ?? "GET")) {
      res.writeHead(405, { allow: methods.join(", ") });
      res.end();
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((err: unknown) => {
      logger?.error({ err, path }, "HTTP route failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

/** Serves routes on its own port, for when Slack's HTTP receiver is not running. */
export async function startHttpServer(routes: HttpRoute[], port: number, host: string): Promise<Server> {
  const server = createServer(routesRequestListener(routes));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

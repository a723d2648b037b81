import type { Server } from "node:http";
import { createConsoleAdapter } from "./adapters/console/console-adapter.js";
import { createPlatformAdapters } from "./adapters/create-platform-adapters.js";
import type { PlatformAdapter } from "./adapters/platform-adapter.js";
import { publicPageRoute } from "./adapters/web/public-page-route.js";
import { publicRoutes } from "./adapters/web/public-routes.js";
import type { Config } from "./config.js";
import { accessModule } from "./core/access/index.js";
import type { PlatformDelivery } from "./core/ports/platform-delivery.js";
import { watchesModule } from "./core/watches/index.js";
import { announceFirstAdminClaims } from "./first-run/first-admin-claims.js";
import { sampleCatalogOffer } from "./first-run/sample-catalog.js";
import { catalogResyncJob } from "./jobs/catalog-resync-job.js";
import { digestJob } from "./jobs/digest-job.js";
import { createOutboxRunner, type OutboxRunner } from "./jobs/outbox-runner.js";
import type { DrainResult } from "./jobs/outbox-worker.js";
import { retentionJob } from "./jobs/retention-job.js";
import { createScheduler } from "./jobs/scheduler.js";
import { staleTriageJob } from "./jobs/stale-triage-job.js";
import { type HttpRoute, opsRoutes, startHttpServer } from "./ops/http-routes.js";
import type { AppLogger } from "./ops/logger.js";
import type { PlatformHealth } from "./ops/platform-health.js";
import { installProcessErrorPolicy } from "./ops/process-error-policy.js";
import { DEFAULT_COMMUNITY_SLUG } from "./store/default-community.js";
import { OutboxQueue } from "./store/outbox/outbox-queue.js";
import { createPublicReads } from "./store/public/sql-public-reads.js";

/**
 * The composition root: the only place that picks concrete implementations (Prisma stores,
 * the system clock, pino, which platforms to run) and wires them into the core.
 */

import { openServices, type Services } from "./services.js";

export { openServices, type Services };

export interface RunningApp {
  services: Services;
  adapters: PlatformAdapter[];
  httpServer: Server | null;
  /** Outbox delivery, which also runs in the background; drain() delivers what is due now. */
  outbox: { drain(): Promise<DrainResult> };
  /** Graceful stop: adapters first (finish in-flight work), then HTTP, then the database. */
  stop(): Promise<void>;
  /** Resolves when the app stopped (console quit or stop()). */
  stopped: Promise<void>;
}

export interface StartOptions {
  /** Force the console even when platforms are configured. */
  console?: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  logger?: AppLogger;
  /** Time between background outbox drains (default 2 s). */
  outboxIntervalMs?: number;
  /** Let the console offer the shipped sample catalog when there is none (`datadesk start`). */
  offerSampleCatalog?: boolean;
}

const NOTHING_DRAINED: DrainResult = { sent: 0, retried: 0, dead: 0 };

export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const useConsole = options.console === true || (!config.slack && !config.discord);
  const services = await openServices(config, {
    role: "bot",
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const { logger, metrics, db } = services;
  let shuttingDown = false;
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  const adapters: PlatformAdapter[] = [];
  const publicReads = createPublicReads(db.sql);
  const routes: HttpRoute[] = [
    ...opsRoutes({
      metrics,
      health: {
        checkDatabase: async () => void (await db.sql.query("SELECT 1")),
        isShuttingDown: () => shuttingDown,
        platforms: () =>
          Object.fromEntries(
            adapters.flatMap((a): [string, PlatformHealth][] => (a.health ? [[a.name, a.health()]] : [])),
          ),
      },
    }),
    ...publicRoutes({
      problems: services.deps.problems,
      communityIdFor: async (slug) => (await publicReads.community(slug))?.id ?? null,
    }),
    publicPageRoute({
      problems: services.deps.problems,
      ...publicReads,
      clock: services.deps.clock,
      logger,
    }),
  ];

  adapters.push(...(await createPlatformAdapters({ config, core: services.core, logger, metrics, routes })));
  for (const adapter of adapters)
    if (adapter.channelAccess) services.channelAccess.register(adapter.channelAccess);
  if (useConsole) {
    adapters.push(
      createConsoleAdapter({
        core: services.core,
        ...(options.offerSampleCatalog
          ? {
              sampleCatalog: sampleCatalogOffer(services.deps, async () => {
                const community = await db.prisma.community.findUniqueOrThrow({
                  where: { slug: DEFAULT_COMMUNITY_SLUG },
                });
                return community.id;
              }),
            }
          : {}),
        ...(options.input ? { input: options.input } : {}),
        ...(options.output ? { output: options.output } : {}),
        onExit: () => void app.stop(),
      }),
    );
  }

  // Slack's HTTP receiver serves our routes on its own port; otherwise we serve them ourselves.
  const slackServesHttp = config.slack?.mode === "http";
  // An error nothing caught is logged, counted and handed to its platform instead of ending the
  // process (and every other platform with it): see process-error-policy.ts.
  const removeErrorPolicy = installProcessErrorPolicy({ logger, metrics, platforms: () => adapters });
  let httpServer: Server | null = null;

  // Background jobs (catalog resync) start with the adapters and stop before the database closes.
  const scheduler = createScheduler({
    clock: services.deps.clock,
    logger,
    tickMs: config.scheduler.tickSeconds * 1000,
    jobs: [
      catalogResyncJob(services.deps, {
        defaultIntervalMinutes: config.catalog.syncIntervalMinutes,
        afterChange: (communityId, now) => accessModule.jobs.afterSync(services.deps, communityId, now),
        // Watchers get one DM per sync; champions get new data that may answer open problems.
        afterSync: (communityId, summary) =>
          watchesModule.jobs.afterSync(services.deps, { communityId, runId: summary.runId }),
      }),
      accessModule.jobs.reminders(services.deps, config.access),
      retentionJob(services.deps, config.retention),
      // Problems nobody triaged within the community's window go to the on-call champion once.
      staleTriageJob(services.deps),
      // Watchers of a dataset are told once when it lapses past its own update frequency.
      watchesModule.jobs.overdue(services.deps),
      // Weekly digests: each replica may run it; every digest is claimed once per target and week.
      digestJob(services.deps),
    ],
  });

  // Outbox delivery starts once the adapters it delivers through are running.
  let outbox: OutboxRunner | null = null;

  let stopping: Promise<void> | null = null;
  const app: RunningApp = {
    services,
    adapters,
    get httpServer() {
      return httpServer;
    },
    outbox: { drain: () => outbox?.drain() ?? Promise.resolve({ ...NOTHING_DRAINED }) },
    stopped,
    stop() {
      stopping ??= (async () => {
        shuttingDown = true;
        // No new background runs from here; an in-flight resync finishes before the database closes.
        const schedulerStopped = scheduler.stop();
        logger.info({}, "shutting down");
        // A drain in flight finishes while the platform clients it sends through still run.
        await outbox?.stop();
        for (const adapter of [...adapters].reverse()) {
          await adapter
            .stop()
            .catch((err: unknown) => logger.error({ err, adapter: adapter.name }, "adapter stop failed"));
        }
        await schedulerStopped;
        if (httpServer) await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
        await services.close();
        removeErrorPolicy();
        resolveStopped();
      })();
      return stopping;
    },
  };

  for (const adapter of adapters) {
    await adapter.start();
    logger.info({ adapter: adapter.name }, "adapter started");
  }
  // The console's user is the machine's operator and admin already; chat needs a first admin.
  if (!useConsole) {
    await announceFirstAdminClaims(
      services.deps,
      await db.prisma.community.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } }),
      adapters.map((adapter) => adapter.name).filter((name) => name !== "console"),
      logger,
    );
  }
  scheduler.start();
  const deliveries = adapters.flatMap((adapter): PlatformDelivery[] =>
    adapter.delivery ? [adapter.delivery] : [],
  );
  if (deliveries.length > 0) {
    outbox = createOutboxRunner({
      queue: new OutboxQueue(db.sql),
      deliveries,
      clock: services.deps.clock,
      logger,
      everyMs: options.outboxIntervalMs ?? 2_000,
      leaseMs: config.outbox.leaseSeconds * 1000,
      onOutcome: (platform, outcome) => metrics.outboxDeliveries.inc({ platform, outcome }),
    });
    outbox.start();
  }
  if (config.http.enabled && !slackServesHttp) {
    httpServer = await startHttpServer(routes, config.http.port, config.http.host);
    logger.info({ port: config.http.port, host: config.http.host }, "HTTP server listening");
  }
  return app;
}

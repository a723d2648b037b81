import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { type App, defaultBodyLimit, type Receiver, type ReceiverEvent } from "@slack/bolt";
import { type HttpRoute, routesRequestListener } from "../../../ops/http-routes.js";
import type { AppLogger } from "../../../ops/logger.js";
import { startModuleWorker } from "../../../threads/module-worker.js";
import { type AckWorkerData, fromAckWorkerSchema, type ToAckWorker } from "./ack-thread-protocol.js";

/** Bolt's own deadline for a listener's ack (HTTPResponseAck): a request left unacknowledged gets a 404. */
const UNACKED_TIMEOUT_MS = 3_001;
/** How long stopping waits for form submissions whose ack is still being worked out. */
const CLOSE_DRAIN_MS = 3_000;

export interface AckThreadReceiverOptions {
  signingSecret: string;
  port: number;
  host: string;
  eventsPath: string;
  routes: HttpRoute[];
  logger: AppLogger;
}

/**
 * Bolt's receiver for Slack's HTTP mode, with the port in a thread of its own
 * (slack-ack-worker.ts), which acknowledges. Here, on the app's thread, Bolt gets each verified
 * request as its HTTPReceiver would pass it (body, retry number and reason, an ack), and our
 * routes are served on a private Unix socket the ack thread passes other paths to.
 */
export class AckThreadReceiver implements Receiver {
  private app: App | undefined;
  private worker: Worker | undefined;
  private routeServer: Server | undefined;
  private socketDir: string | undefined;
  private closed: Promise<void> | undefined;
  private boundPort: number | null = null;

  constructor(private readonly options: AckThreadReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The port the ack thread listens on, once started. */
  port(): number | null {
    return this.boundPort;
  }

  async start(): Promise<number> {
    const { options } = this;
    // A directory only this user can enter holds the route socket.
    this.socketDir = mkdtempSync(join(tmpdir(), "datadesk-slack-"));
    const routesSocketPath = join(this.socketDir, "routes.sock");
    const routeServer = createServer(routesRequestListener(options.routes, options.logger));
    this.routeServer = routeServer;
    await new Promise<void>((resolve, reject) => {
      routeServer.once("error", reject);
      routeServer.listen(routesSocketPath, () => resolve());
    });
    const data: AckWorkerData = {
      signingSecret: options.signingSecret,
      port: options.port,
      host: options.host,
      eventsPath: options.eventsPath,
      routesSocketPath,
      bodyLimitBytes: defaultBodyLimit,
      unackedTimeoutMs: UNACKED_TIMEOUT_MS,
    };
    const worker = startModuleWorker(import.meta.url, "slack-ack-worker", data);
    this.worker = worker;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    this.closed = exited;
    try {
      this.boundPort = await new Promise<number>((resolve, reject) => {
        worker.on("message", (raw: unknown) => {
          const message = fromAckWorkerSchema.safeParse(raw);
          if (!message.success) return;
          const m = message.data;
          if (m.type === "listening") resolve(m.port);
          else if (m.type === "failed")
            reject(new Error(`Slack HTTP receiver could not listen: ${m.message}`));
          else if (m.type === "log") options.logger[m.level](m.fields, m.message);
          else if (m.type === "acked")
            this.dispatch({ body: m.body, retryNum: m.retryNum, retryReason: m.retryReason });
          else if (m.type === "awaiting") this.dispatch(m, m.id);
        });
        worker.once("error", reject);
        void exited.then(() => reject(new Error("the Slack ack thread ended before listening")));
      });
    } catch (error) {
      await this.stop();
      throw error;
    }
    // Once listening, a thread that fails on its own is reported; the adapter's health shows it.
    worker.on("error", (err) => options.logger.error({ err }, "the Slack ack thread failed"));
    return this.boundPort;
  }

  /**
   * Hands a request to Bolt. An already-acknowledged one gets an ack that does nothing (Bolt
   * acknowledges events itself, our listeners acknowledge first); an awaiting one's ack is the
   * HTTP response the ack thread sends.
   */
  private dispatch(request: Pick<ReceiverEvent, "body" | "retryNum" | "retryReason">, id?: number): void {
    const app = this.app;
    if (!app) return;
    let acked = false;
    const send = (message: ToAckWorker) => this.worker?.postMessage(message);
    const event: ReceiverEvent = {
      body: request.body,
      ...(request.retryNum !== undefined ? { retryNum: request.retryNum } : {}),
      ...(request.retryReason !== undefined ? { retryReason: request.retryReason } : {}),
      customProperties: {},
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (id !== undefined) send({ type: "ack", id, body: response });
      },
    };
    app.processEvent(event).catch((err: unknown) => {
      this.options.logger.error({ err }, "a Slack request failed in its listener");
      // As Bolt's receiver answers a request whose processing threw before it was acknowledged.
      if (id !== undefined && !acked) {
        acked = true;
        send({ type: "fail", id, status: 500 });
      }
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      worker.postMessage({ type: "close", drainMs: CLOSE_DRAIN_MS } satisfies ToAckWorker);
      const timer = setTimeout(() => void worker.terminate(), CLOSE_DRAIN_MS + 5_000);
      await this.closed;
      clearTimeout(timer);
    }
    const routeServer = this.routeServer;
    this.routeServer = undefined;
    if (routeServer?.listening) {
      routeServer.closeAllConnections();
      await new Promise<void>((resolve) => routeServer.close(() => resolve()));
    }
    if (this.socketDir) rmSync(this.socketDir, { recursive: true, force: true });
    this.socketDir = undefined;
    this.boundPort = null;
  }
}

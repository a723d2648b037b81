import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { pipeline } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { type BufferedIncomingMessage, HTTPModuleFunctions, isRawBodyError } from "@slack/bolt";
import { unreadableSlackBody } from "../slack-body-guard.js";
import { acknowledgedAtOnce } from "./ack-policy.js";
import { ackWorkerDataSchema, type FromAckWorker, toAckWorkerSchema } from "./ack-thread-protocol.js";

/**
 * The thread that acknowledges Slack. It owns the HTTP port: it reads, verifies and parses each
 * signed request the way Bolt's HTTPReceiver does (Bolt's own functions), answers Slack's 3-second
 * ack itself where datadesk's answer is always an empty 200, and posts the request to the
 * adapter's thread, where Bolt runs the listeners. Nothing here touches the database or answers a
 * question, so a busy app (a burst of questions, a catalog resync) cannot delay an ack. Requests
 * for other paths (health, metrics, public pages) are passed through to the adapter's route server.
 */

function requireParentPort(): NonNullable<typeof parentPort> {
  if (!parentPort) throw new Error("slack-ack-worker must run in a worker thread");
  return parentPort;
}
const port = requireParentPort();
const post = (message: FromAckWorker) => port.postMessage(message);
const options = ackWorkerDataSchema.parse(workerData);
const log = (
  level: "debug" | "info" | "warn" | "error",
  message: string,
  fields: Record<string, unknown> = {},
) => post({ type: "log", level, message, fields });

/** Requests waiting for the app's ack, by id. */
const awaiting = new Map<number, { res: ServerResponse; timer: NodeJS.Timeout }>();
let nextId = 1;

function settle(id: number, answer: (res: ServerResponse) => void): void {
  const pending = awaiting.get(id);
  if (!pending) return;
  awaiting.delete(id);
  clearTimeout(pending.timer);
  if (!pending.res.headersSent) answer(pending.res);
}

async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let buffered: BufferedIncomingMessage;
  try {
    buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
      { enabled: true, signingSecret: options.signingSecret, bodyLimit: options.bodyLimitBytes },
      req,
    );
  } catch (err) {
    if (isRawBodyError(err) && (err.type === "entity.too.large" || err.statusCode === 413)) {
      log("warn", "refused a Slack request body over the size limit", { limit: options.bodyLimitBytes });
      return HTTPModuleFunctions.buildNoBodyResponse(res, 413);
    }
    log("warn", "refused a Slack request that failed verification", {
      reason: err instanceof Error ? err.message : String(err),
    });
    return HTTPModuleFunctions.buildNoBodyResponse(res, 401);
  }
  const rawBody = buffered.rawBody.toString();
  // Bolt reads fields off the body without checking it is an object: refuse anything else here.
  const unreadable = unreadableSlackBody(rawBody, req.headers["content-type"]);
  if (unreadable !== null) {
    log("warn", "refused a signed Slack request whose body we cannot read", {
      reason: unreadable,
      bytes: rawBody.length,
    });
    return HTTPModuleFunctions.buildNoBodyResponse(res, 400);
  }
  let body: Record<string, unknown>;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch (err) {
    log("warn", "malformed Slack request body", { reason: err instanceof Error ? err.message : String(err) });
    return HTTPModuleFunctions.buildNoBodyResponse(res, 400);
  }
  if (body.ssl_check === "1") return HTTPModuleFunctions.buildSSLCheckResponse(res);
  if (body.type === "url_verification") return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
  const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
  const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req);
  const retry = {
    ...(retryNum !== undefined && Number.isInteger(retryNum) ? { retryNum } : {}),
    ...(retryReason !== undefined ? { retryReason } : {}),
  };
  if (acknowledgedAtOnce(body)) {
    HTTPModuleFunctions.buildContentResponse(res, undefined);
    post({ type: "acked", body, ...retry });
    return;
  }
  const id = nextId++;
  const timer = setTimeout(() => {
    // As Bolt's receiver does for a listener that never acknowledged.
    log("error", "a Slack request was not acknowledged in time", { timeoutMs: options.unackedTimeoutMs });
    settle(id, (r) => HTTPModuleFunctions.buildNoBodyResponse(r, 404));
  }, options.unackedTimeoutMs);
  awaiting.set(id, { res, timer });
  post({ type: "awaiting", id, body, ...retry });
}

/** Health, metrics and public pages are the adapter's: the request goes to its route server as is. */
function passThrough(req: IncomingMessage, res: ServerResponse): void {
  const upstream = httpRequest(
    { socketPath: options.routesSocketPath, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      pipeline(answer, res, () => undefined);
    },
  );
  upstream.on("error", (err) => {
    log("warn", "the route server did not answer", { path: req.url, reason: err.message });
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  pipeline(req, upstream, () => undefined);
}

const server: Server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (req.method === "POST" && path === options.eventsPath) {
    receive(req, res).catch((err: unknown) => {
      log("warn", "could not read a Slack request", {
        reason: err instanceof Error ? err.message : String(err),
      });
      if (!res.headersSent) res.writeHead(400);
      res.end();
    });
    return;
  }
  passThrough(req, res);
});

port.on("message", (raw: unknown) => {
  const message = toAckWorkerSchema.safeParse(raw);
  if (!message.success) return;
  const m = message.data;
  if (m.type === "ack") {
    settle(m.id, (res) => HTTPModuleFunctions.buildContentResponse(res, m.body));
  } else if (m.type === "fail") {
    settle(m.id, (res) => HTTPModuleFunctions.buildNoBodyResponse(res, m.status));
  } else {
    void close(m.drainMs);
  }
});

async function close(drainMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + drainMs;
  while (awaiting.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const id of [...awaiting.keys()])
    settle(id, (res) => HTTPModuleFunctions.buildNoBodyResponse(res, 503));
  // Keep-alive connections would hold the port until they time out; nothing is left to answer.
  server.closeAllConnections();
  await closed;
  post({ type: "closed" });
  port.close();
}

server.once("error", (err) => post({ type: "failed", message: err.message }));
server.listen(options.port, options.host, () => {
  const address = server.address();
  post({ type: "listening", port: typeof address === "object" && address ? address.port : options.port });
});

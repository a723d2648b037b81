// The WebSocket half of the fake: what Slack does after `apps.connections.open` hands out a URL.
// Protocol (https://docs.slack.dev/apis/events-api/using-socket-mode):
//   server -> client  {type:"hello", num_connections, debug_info, connection_info:{app_id}}
//   server -> client  {envelope_id, type, payload, accepts_response_payload[, retry_attempt, retry_reason]}
//   client -> server  {envelope_id, payload}             (the ack; @slack/socket-mode always adds payload)
//   server -> client  {type:"disconnect", reason}        (asks the client to reconnect)

import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { CallRecorder } from "./call-recorder.js";

export type SocketEnvelopeType = "slash_commands" | "events_api" | "interactive";

export interface SocketAck {
  envelope_id: string;
  /** What the app put in ack(...); `{}` for a bare ack(). */
  payload?: Record<string, unknown>;
  connectionId: number;
}

export interface SocketSendOptions {
  /** Defaults follow Slack: true for slash commands, view_submission and block_suggestion. */
  acceptsResponsePayload?: boolean;
  /** events_api only: Slack's redelivery counter and reason (e.g. "timeout"). */
  retryAttempt?: number;
  retryReason?: string;
  /** Which connection gets the envelope; defaults to the newest open one (Slack picks one). */
  connectionId?: number;
  /** How long to wait for the ack. Slack itself gives up after 3 s; the default is more lenient. */
  timeoutMs?: number;
}

interface Connection {
  id: number;
  ws: WebSocket;
}

export const SOCKET_MODE_PATH = "/link/";

const RESPONSE_PAYLOAD_INTERACTIONS = new Set(["view_submission", "block_suggestion"]);

function defaultAcceptsResponsePayload(type: SocketEnvelopeType, payload: Record<string, unknown>): boolean {
  if (type === "slash_commands") return true;
  if (type === "interactive") return RESPONSE_PAYLOAD_INTERACTIONS.has(String(payload.type));
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class FakeSocketMode {
  readonly acks = new CallRecorder<SocketAck>();
  /** Every non-ack text frame a client sent (should stay empty with a well-behaved client). */
  readonly unexpectedMessages: unknown[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly open = new Map<number, Connection>();
  private readonly connected = new CallRecorder<Connection>();
  private nextConnectionId = 1;

  constructor(private readonly appId: string) {}

  /** Ids of currently open connections, oldest first. */
  get connectionIds(): number[] {
    return [...this.open.keys()];
  }

  /** Called from the HTTP server's `upgrade` event; returns false if the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!req.url?.startsWith(SOCKET_MODE_PATH)) return false;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    return true;
  }

  /** Resolves with the id of the `count`-th connection ever made (1 = first). */
  async waitForConnection(count = 1, timeoutMs = 5_000): Promise<number> {
    const connection = await this.connected.waitFor(
      (c) => c.id >= count,
      timeoutMs,
      () => `Socket Mode connection #${count}`,
    );
    return connection.id;
  }

  /** Delivers an envelope and resolves with the client's ack for it. */
  async send(
    type: SocketEnvelopeType,
    payload: Record<string, unknown>,
    options: SocketSendOptions = {},
  ): Promise<SocketAck> {
    const connection = this.pickConnection(options.connectionId);
    const envelopeId = randomUUID();
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload:
        options.acceptsResponsePayload ?? defaultAcceptsResponsePayload(type, payload),
    };
    if (type === "events_api") {
      envelope.retry_attempt = options.retryAttempt ?? 0;
      envelope.retry_reason = options.retryReason ?? "";
    }
    // Register the wait before sending: a fast client can ack before `send` returns.
    const ack = this.acks.waitFor(
      (a) => a.envelope_id === envelopeId,
      options.timeoutMs ?? 5_000,
      () => `ack of ${type} envelope ${envelopeId}`,
    );
    connection.ws.send(JSON.stringify(envelope));
    return ack;
  }

  /** Sends Slack's "please reconnect" message; @slack/socket-mode then opens a new connection. */
  requestDisconnect(reason = "refresh_requested", connectionId?: number): void {
    this.pickConnection(connectionId).ws.send(JSON.stringify({ type: "disconnect", reason }));
  }

  /**
   * Gives clients a moment to finish the close handshake they started (Bolt's app.stop()), then
   * terminates stragglers. Closing from our side first would make the client schedule a reconnect
   * timer against a server that is going away.
   */
  async close(graceMs = 500): Promise<void> {
    this.acks.rejectAll("fake Slack closed before the envelope was acked");
    this.connected.rejectAll("fake Slack closed before a Socket Mode client connected");
    await Promise.all(
      [...this.open.values()].map(
        ({ ws }) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === ws.CLOSED) return resolve();
            const timer = setTimeout(() => ws.terminate(), graceMs);
            ws.once("close", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    const connection: Connection = { id: this.nextConnectionId++, ws };
    this.open.set(connection.id, connection);
    ws.on("message", (data, isBinary) => this.onClientMessage(connection, data.toString(), isBinary));
    ws.on("close", () => this.open.delete(connection.id));
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.open.size,
        debug_info: { host: "applink-fake-1", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.connected.record(connection);
  }

  private onClientMessage(connection: Connection, text: string, isBinary: boolean): void {
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(text);
    } catch {
      message = undefined;
    }
    if (isRecord(message) && typeof message.envelope_id === "string") {
      const ack: SocketAck = { envelope_id: message.envelope_id, connectionId: connection.id };
      if (isRecord(message.payload)) ack.payload = message.payload;
      this.acks.record(ack);
      return;
    }
    this.unexpectedMessages.push(message ?? text);
  }

  private pickConnection(connectionId: number | undefined): Connection {
    const ids = this.connectionIds;
    const id = connectionId ?? ids[ids.length - 1];
    const connection = id === undefined ? undefined : this.open.get(id);
    if (connection === undefined) {
      throw new Error(
        connectionId === undefined
          ? "No open Socket Mode connection (did `await app.start()` run against this fake?)"
          : `Socket Mode connection ${connectionId} is not open`,
      );
    }
    return connection;
  }
}

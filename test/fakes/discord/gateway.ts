/**
 * Fake Discord gateway on a `ws` WebSocketServer sharing the REST server's port. Speaks what
 * @discordjs/ws 1.x expects: `?v=10&encoding=json`, uncompressed JSON text frames, HELLO → IDENTIFY →
 * READY (+ GUILD_CREATE), heartbeat ACKs, and RESUME with replay of missed dispatches.
 * Dispatches are filtered by the identified intents like Discord does, so a bot missing an intent
 * fails in tests the way it would in production.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type GatewayIdentifyData,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayRequestGuildMembersData,
  type GatewayResumeData,
} from "discord.js";
import { type WebSocket, WebSocketServer } from "ws";
import { guildCreatePayload } from "./guild-payloads.js";
import { RecordingList } from "./recording-list.js";
import type { FakeWorld } from "./world.js";

export interface ReceivedFrame {
  /** Session the frame belongs to (undefined before IDENTIFY/RESUME succeeded). */
  sessionId: string | undefined;
  op: GatewayOpcodes;
  d: unknown;
  at: number;
}

export interface FakeGatewayOptions {
  world: FakeWorld;
  url: string;
  heartbeatIntervalMs: number;
  /** When set, IDENTIFY/RESUME with another token is closed with 4004 like Discord does. */
  expectedToken: string | undefined;
  /** Observes every dispatch before it is sent (the server tracks interactions and messages here). */
  onDispatch: (event: string, data: unknown) => void;
}

interface Session {
  id: string;
  intents: number;
  socket: WebSocket | undefined;
  seq: number;
  /** Recent dispatches, replayed on RESUME. */
  sent: Array<{ s: number; t: string; d: unknown }>;
}

const REPLAY_BUFFER = 500;
const MESSAGE_EVENTS = new Set<string>([
  GatewayDispatchEvents.MessageCreate,
  GatewayDispatchEvents.MessageUpdate,
  GatewayDispatchEvents.MessageDelete,
  GatewayDispatchEvents.MessageDeleteBulk,
]);
/** Non-message events gated by a single intent (message events depend on guild vs. DM). */
const EVENT_INTENTS: Record<string, number> = {
  GUILD_CREATE: GatewayIntentBits.Guilds,
  GUILD_UPDATE: GatewayIntentBits.Guilds,
  GUILD_DELETE: GatewayIntentBits.Guilds,
  GUILD_ROLE_CREATE: GatewayIntentBits.Guilds,
  GUILD_ROLE_UPDATE: GatewayIntentBits.Guilds,
  GUILD_ROLE_DELETE: GatewayIntentBits.Guilds,
  CHANNEL_CREATE: GatewayIntentBits.Guilds,
  CHANNEL_UPDATE: GatewayIntentBits.Guilds,
  CHANNEL_DELETE: GatewayIntentBits.Guilds,
  THREAD_CREATE: GatewayIntentBits.Guilds,
  THREAD_UPDATE: GatewayIntentBits.Guilds,
  THREAD_DELETE: GatewayIntentBits.Guilds,
  GUILD_MEMBER_ADD: GatewayIntentBits.GuildMembers,
  GUILD_MEMBER_UPDATE: GatewayIntentBits.GuildMembers,
  GUILD_MEMBER_REMOVE: GatewayIntentBits.GuildMembers,
};

/** Applies intent gating; returns undefined when the session must not receive the event at all. */
function shapeForIntents(event: string, data: unknown, intents: number, botId: string): unknown {
  const d = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const required = EVENT_INTENTS[event];
  if (required !== undefined && !(intents & required)) return undefined;
  if (!MESSAGE_EVENTS.has(event)) return data;
  const inGuild = typeof d.guild_id === "string";
  const needed = inGuild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
  if (!(intents & needed)) return undefined;
  // Without the privileged MessageContent intent, guild messages arrive with content stripped unless
  // the bot wrote them or is mentioned (DMs always keep their content).
  const author = d.author as { id?: string } | undefined;
  const mentions = Array.isArray(d.mentions) ? (d.mentions as Array<{ id?: string }>) : [];
  const exempt = author?.id === botId || mentions.some((m) => m?.id === botId);
  if (!inGuild || exempt || intents & GatewayIntentBits.MessageContent || !("content" in d)) return data;
  return { ...d, content: "", embeds: [], attachments: [], components: [], poll: undefined };
}

/** Rejects connection URLs the fake can't serve, naming the likely cause. */
function refusalReason(query: URLSearchParams): { code: number; reason: string } | undefined {
  // @discordjs/ws appends `compress=zlib-stream` only when zlib-sync is installed; keep it uninstalled.
  if (query.get("compress")) {
    return { code: GatewayCloseCodes.DecodeError, reason: "compression unsupported (zlib-sync installed?)" };
  }
  if (query.get("v") !== "10") return { code: GatewayCloseCodes.InvalidAPIVersion, reason: "v must be 10" };
  if (query.get("encoding") !== "json") {
    return { code: GatewayCloseCodes.DecodeError, reason: "only encoding=json is supported" };
  }
  return undefined;
}

export class FakeGateway {
  readonly received = new RecordingList<ReceivedFrame>("gateway frame");
  readonly identifies: GatewayIdentifyData[] = [];
  /** Why connections were refused (bad version, encoding or compression): surfaced for debugging. */
  readonly protocolErrors: string[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();
  private wss: WebSocketServer | undefined;

  constructor(private readonly options: FakeGatewayOptions) {}

  attach(server: Server): void {
    // perMessageDeflate off: the `ws` client offers it by default and real Discord doesn't negotiate it.
    this.wss = new WebSocketServer({ server, perMessageDeflate: false });
    this.wss.on("connection", (socket, request) => this.onConnection(socket, request));
  }

  /** Sessions that identified and have not been closed normally (they may be mid-reconnect). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Sends op 0 to every session (subject to intents); returns how many sessions were live. */
  dispatch(event: string, data: unknown): number {
    if (this.sessions.size === 0) {
      throw new Error(
        `fake-discord: cannot dispatch ${event}: no gateway session (is the client logged in?)`,
      );
    }
    this.options.onDispatch(event, data);
    let live = 0;
    for (const session of this.sessions.values()) {
      const shaped = shapeForIntents(event, data, session.intents, this.options.world.botUser.id);
      if (shaped === undefined) continue;
      this.sendDispatch(session, event, shaped);
      if (session.socket) live++;
    }
    return live;
  }

  /** Closes every connection with `code` (default 4000, resumable) to exercise reconnect/RESUME. */
  disconnectAll(code: number = GatewayCloseCodes.UnknownError): void {
    for (const socket of this.sockets) socket.close(code, "fake-discord: forced disconnect");
  }

  close(): void {
    this.received.rejectAll("fake closed");
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    this.sessions.clear();
    this.wss?.close();
  }

  private send(
    socket: WebSocket | undefined,
    payload: { op: number; d: unknown; s?: number; t?: string },
  ): void {
    if (!socket || socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    const s = ++session.seq;
    session.sent.push({ s, t, d });
    if (session.sent.length > REPLAY_BUFFER) session.sent.shift();
    this.send(session.socket, { op: GatewayOpcodes.Dispatch, d, s, t });
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.sockets.add(socket);
    const refusal = refusalReason(new URL(request.url ?? "/", "ws://fake").searchParams);
    if (refusal) {
      this.protocolErrors.push(refusal.reason);
      socket.close(refusal.code, refusal.reason);
      return;
    }
    let session: Session | undefined;
    socket.on("message", (raw, isBinary) => {
      let frame: { op: GatewayOpcodes; d: unknown };
      try {
        if (isBinary) throw new Error("binary frame (etf encoding or compression?)");
        frame = JSON.parse(raw.toString()) as typeof frame;
      } catch (error) {
        this.protocolErrors.push(`undecodable frame: ${String(error)}`);
        socket.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
        return;
      }
      this.received.push({ sessionId: session?.id, op: frame.op, d: frame.d, at: Date.now() });
      if (frame.op === GatewayOpcodes.Heartbeat) {
        this.send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null });
      } else if (frame.op === GatewayOpcodes.Identify) {
        session = this.identify(socket, frame.d as GatewayIdentifyData);
      } else if (frame.op === GatewayOpcodes.Resume) {
        session = this.resume(socket, frame.d as GatewayResumeData);
      } else if (frame.op === GatewayOpcodes.RequestGuildMembers && session) {
        this.sendMembersChunk(session, frame.d as GatewayRequestGuildMembersData);
      }
      // Presence/voice state updates and the rest are only recorded.
    });
    socket.on("close", (code) => {
      this.sockets.delete(socket);
      if (!session || session.socket !== socket) return;
      session.socket = undefined;
      // Normal closes invalidate the session on Discord; other codes keep it resumable.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
    this.send(socket, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ["fake-discord"] },
    });
  }

  private tokenRejected(socket: WebSocket, token: string): boolean {
    const expected = this.options.expectedToken;
    if (expected === undefined || token === expected) return false;
    socket.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
    return true;
  }

  private identify(socket: WebSocket, d: GatewayIdentifyData): Session | undefined {
    this.identifies.push(d);
    if (this.tokenRejected(socket, d.token)) return undefined;
    const { world, url } = this.options;
    const session: Session = {
      id: randomUUID().replaceAll("-", ""),
      intents: d.intents,
      socket,
      seq: 0,
      sent: [],
    };
    this.sessions.set(session.id, session);
    this.sendDispatch(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user_settings: {},
      user: { ...world.botUser, verified: true, mfa_enabled: false, email: null, flags: 0 },
      guilds: [{ id: world.guildId, unavailable: true }],
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: url,
      shard: d.shard ?? [0, 1],
      application: { id: world.application.id, flags: world.application.flags },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ["fake-discord"],
    });
    // Without the Guilds intent Discord sends no GUILD_CREATE; discord.js then gives up waiting.
    if (d.intents & GatewayIntentBits.Guilds) {
      this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, guildCreatePayload(world));
    }
    return session;
  }

  private resume(socket: WebSocket, d: GatewayResumeData): Session | undefined {
    if (this.tokenRejected(socket, d.token)) return undefined;
    const session = this.sessions.get(d.session_id);
    if (!session) {
      // Not resumable: the client must re-identify after a short wait (op 9, d=false).
      this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return undefined;
    }
    session.socket?.terminate();
    session.socket = socket;
    for (const missed of session.sent.filter((e) => e.s > d.seq)) {
      this.send(socket, { op: GatewayOpcodes.Dispatch, ...missed });
    }
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, null);
    return session;
  }

  private sendMembersChunk(session: Session, d: GatewayRequestGuildMembersData): void {
    const members = [...this.options.world.members.values()];
    const wanted = "user_ids" in d && d.user_ids ? [d.user_ids].flat() : undefined;
    this.sendDispatch(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: d.guild_id,
      members: wanted ? members.filter((m) => wanted.includes(m.user.id)) : members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(d.nonce ? { nonce: d.nonce } : {}),
    });
  }
}

/**
 * A fake Discord platform on 127.0.0.1 (REST + gateway on one port) for end-to-end tests of the real
 * discord.js v14 Client / @discordjs/rest REST without internet. Point discord.js at it with
 *   new Client({ intents, rest: { api: fake.apiBase } })   // REST appends /v10 itself
 * and the gateway URL is discovered through GET /gateway/bot. See fake-discord.test.ts for usage.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  APIInteraction,
  APIMessage,
  APIUser,
  GatewayMessageCreateDispatchData,
  GatewayMessageDeleteDispatchData,
  GatewayMessageUpdateDispatchData,
} from "discord.js";
import { FakeGateway, type ReceivedFrame } from "./gateway.js";
import {
  type CallMatcher,
  callMatches,
  failureResult,
  type InjectedFailure,
  readCall,
} from "./http-recording.js";
import {
  type InteractionCallbackRecord,
  InteractionLedger,
  type RecordedCall,
} from "./interaction-ledger.js";
import * as interactions from "./interaction-payloads.js";
import { type MessageCreateOptions, messageCreate } from "./message-payloads.js";
import * as modals from "./modal-payloads.js";
import { RecordingList } from "./recording-list.js";
import { apiError, type RestResult } from "./rest-kit.js";
import { createRestRouter, routeNeedsBotToken } from "./rest-router.js";
import { messageDelete, messageUpdate } from "./thread-payloads.js";
import { createWorld, type FakeWorld, type FakeWorldOptions, makeMember, makeUser } from "./world.js";

export type {
  ActorOptions,
  AutocompleteOptions,
  ButtonOptions,
  ChatInputOptions,
  OptionsInput,
  StringSelectOptions,
} from "./interaction-payloads.js";
export type { ModalSubmitOptions } from "./modal-payloads.js";
export type {
  CallMatcher,
  InjectedFailure,
  InteractionCallbackRecord,
  MessageCreateOptions,
  ReceivedFrame,
  RecordedCall,
};

export interface FakeDiscordOptions {
  /** Fixed port; default 0 (an ephemeral port, safe for parallel test files). */
  port?: number;
  /** When set, REST and gateway reject other bot tokens (401 / close 4004). Default: accept any. */
  token?: string;
  /** HELLO heartbeat interval; Discord uses ~41 s. Lower it to exercise heartbeats in a test. */
  heartbeatIntervalMs?: number;
  /** Emulate Discord's 3 s interaction deadline (callback then gets 404 Unknown interaction). */
  interactionDeadlineMs?: number;
  /** Default timeout of gateway.sendInteraction(); default 5000 ms. */
  callbackTimeoutMs?: number;
  world?: FakeWorldOptions;
}

export interface FakeDiscordGateway {
  url: string;
  /** Sends a dispatch (op 0) to all sessions, filtered by their intents; throws if none identified. */
  dispatch(event: string, data: unknown): number;
  /** Dispatches INTERACTION_CREATE and resolves with the callback the bot POSTs for it. */
  sendInteraction(payload: APIInteraction, timeoutMs?: number): Promise<InteractionCallbackRecord>;
  /** Builds (see messageCreate), stores and dispatches a MESSAGE_CREATE. */
  sendMessage(options: MessageCreateOptions): GatewayMessageCreateDispatchData;
  chatInputInteraction(
    o: interactions.ChatInputOptions,
  ): ReturnType<typeof interactions.chatInputInteraction>;
  autocompleteInteraction(
    o: interactions.AutocompleteOptions,
  ): ReturnType<typeof interactions.autocompleteInteraction>;
  messageCommandInteraction(
    o: interactions.MessageCommandOptions,
  ): ReturnType<typeof interactions.messageCommandInteraction>;
  buttonInteraction(o: interactions.ButtonOptions): ReturnType<typeof interactions.buttonInteraction>;
  stringSelectInteraction(
    o: interactions.StringSelectOptions,
  ): ReturnType<typeof interactions.stringSelectInteraction>;
  modalSubmitInteraction(o: modals.ModalSubmitOptions): ReturnType<typeof modals.modalSubmitInteraction>;
  /**
   * The MODAL_SUBMIT of a person filling in a modal the bot showed (a type 9 callback's `data`):
   * prefilled values and default choices stay unless `answers` changes them.
   */
  answerModal(
    modal: unknown,
    answers: Record<string, string | string[]>,
    actor?: interactions.ActorOptions & { messageId?: string },
  ): ReturnType<typeof modals.modalSubmitInteraction>;
  messageCreate(o: MessageCreateOptions): GatewayMessageCreateDispatchData;
  /** A person edits a stored message: stores the new content and dispatches MESSAGE_UPDATE. */
  editMessage(id: string, content: string): GatewayMessageUpdateDispatchData;
  /** A person deletes a stored message: forgets it and dispatches MESSAGE_DELETE. */
  deleteMessage(id: string): GatewayMessageDeleteDispatchData;
  /** Frames received from clients (heartbeats, IDENTIFY, RESUME, presence...). */
  frames: ReceivedFrame[];
  waitForFrame(predicate: (frame: ReceivedFrame) => boolean, timeoutMs?: number): Promise<ReceivedFrame>;
  identifies: FakeGateway["identifies"];
  protocolErrors: string[];
  sessionCount(): number;
  /** Drops all connections with a resumable code (default 4000): clients reconnect and RESUME. */
  disconnectAll(code?: number): void;
}

export interface FakeDiscord {
  /** Value for discord.js `rest.api` (without /v10: @discordjs/rest appends the version). */
  apiBase: string;
  gatewayUrl: string;
  applicationId: string;
  botUser: APIUser;
  guildId: string;
  textChannelId: string;
  otherTextChannelId: string;
  /** Guild owner; default author of interactions and messages. */
  defaultUser: APIUser;
  /** Mutable in-memory state (messages, channels, commands...) for assertions or setup. */
  world: FakeWorld;
  calls: RecordedCall[];
  callbacks: InteractionCallbackRecord[];
  /** Resolves with the first recorded or future call matching `predicate` (default timeout 5 s). */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Answers the next `times` matching REST calls with `failure` instead of handling them. */
  failNext(matcher: CallMatcher, failure: InjectedFailure, times?: number): void;
  /** Adds a guild member (not announced over the gateway; interactions carry the member anyway). */
  addUser(username: string): APIUser;
  /** Forgets recorded calls, callbacks and frames (state such as messages and commands is kept). */
  clearRecords(): void;
  gateway: FakeDiscordGateway;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = createWorld(options.world);
  const ledger = new InteractionLedger();
  const calls = new RecordingList<RecordedCall>("REST call");
  const failures: Array<{ matcher: CallMatcher; failure: InjectedFailure; remaining: number }> = [];
  let route: (call: RecordedCall) => RestResult = () => apiError(503, 0, "starting");

  const authorized = (call: RecordedCall) => {
    if (!routeNeedsBotToken(call.path)) return true;
    const auth = call.headers.authorization ?? "";
    return options.token === undefined ? auth.startsWith("Bot ") : auth === `Bot ${options.token}`;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let call: RecordedCall | undefined;
    let result: RestResult;
    try {
      call = await readCall(req);
      const failure = failures.find((f) => f.remaining > 0 && call && callMatches(f.matcher, call));
      if (failure) failure.remaining--;
      if (failure) result = failureResult(failure.failure);
      else if (!authorized(call)) result = apiError(401, 0, "401: Unauthorized");
      else result = route(call);
    } catch (error) {
      // Unparseable bodies end up here, like Discord's 50109 "invalid JSON".
      result = apiError(400, 50109, `The request body contains invalid JSON. (${String(error)})`);
    }
    if (call) {
      call.status = result.status;
      calls.push(call);
    }
    const hasBody = result.body !== undefined && result.status !== 204;
    res.writeHead(result.status, {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...result.headers,
    });
    res.end(hasBody ? JSON.stringify(result.body) : undefined);
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const apiBase = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  const gateway = new FakeGateway({
    world,
    url: gatewayUrl,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    expectedToken: options.token,
    onDispatch: (event, data) => {
      // Keep REST consistent with what the client saw: the bot may reply to / edit these messages.
      if (event === "INTERACTION_CREATE") {
        const interaction = data as APIInteraction | null;
        // Fuzzing dispatches arbitrary `d`: only something with an id and a token can be answered.
        if (typeof interaction?.id !== "string" || typeof interaction.token !== "string") return;
        ledger.track(interaction);
        const message = interaction.message;
        if (message && !world.messages.has(message.id)) world.messages.set(message.id, message);
      } else if (event === "MESSAGE_CREATE") {
        // Tests also dispatch malformed packets (a null `d`), which are not messages to keep.
        const message = data as APIMessage | null;
        if (message?.id && !world.messages.has(message.id)) world.messages.set(message.id, message);
      }
    },
  });
  gateway.attach(server);
  route = createRestRouter(
    {
      world,
      ledger,
      gatewayUrl,
      interactionDeadlineMs: options.interactionDeadlineMs,
    },
    (event, data) => {
      // Like Discord, tell a connected client; with none there is nobody to tell.
      if (gateway.sessionCount > 0) gateway.dispatch(event, data);
    },
  );

  let closed: Promise<void> | undefined;
  return {
    apiBase,
    gatewayUrl,
    applicationId: world.application.id,
    botUser: world.botUser,
    guildId: world.guildId,
    textChannelId: world.textChannelId,
    otherTextChannelId: world.otherTextChannelId,
    defaultUser: world.defaultUser,
    world,
    calls: calls.items,
    callbacks: ledger.callbacks.items,
    waitForCall: (predicate, timeoutMs) =>
      calls.waitFor(predicate, timeoutMs, (all) =>
        ["Recorded calls:", ...all.map((c) => `  ${c.status} ${c.method} ${c.path}`)].join("\n"),
      ),
    failNext: (matcher, failure, times = 1) => void failures.push({ matcher, failure, remaining: times }),
    addUser: (username) => {
      const user = makeUser(username);
      world.users.set(user.id, user);
      world.members.set(user.id, makeMember(user));
      return user;
    },
    clearRecords: () => {
      calls.items.length = 0;
      ledger.callbacks.items.length = 0;
      gateway.received.items.length = 0;
    },
    gateway: {
      url: gatewayUrl,
      dispatch: (event, data) => gateway.dispatch(event, data),
      sendInteraction: (payload, timeoutMs = options.callbackTimeoutMs ?? 5_000) => {
        // Wait first, then dispatch: a fast bot may answer before dispatch() even returns.
        const callback = ledger.waitForCallback(payload.id, timeoutMs, () => {
          // A rejected callback (e.g. 400 empty message) is the usual cause: show what the bot sent.
          const related = calls.items.filter(
            (c) => c.path.includes(payload.id) || c.path.includes(payload.token),
          );
          return related.length === 0
            ? "It made no request for it (handler not attached, or it threw?)."
            : `Its requests: ${related.map((c) => `${c.status} ${c.method} ${c.path} ${JSON.stringify(c.body)}`).join("; ")}`;
        });
        try {
          gateway.dispatch("INTERACTION_CREATE", payload);
        } catch (error) {
          callback.catch(() => {});
          throw error;
        }
        return callback;
      },
      sendMessage: (o) => {
        const payload = messageCreate(world, o);
        gateway.dispatch("MESSAGE_CREATE", payload);
        return payload;
      },
      chatInputInteraction: (o) => interactions.chatInputInteraction(world, o),
      messageCommandInteraction: (o) => interactions.messageCommandInteraction(world, o),
      autocompleteInteraction: (o) => interactions.autocompleteInteraction(world, o),
      buttonInteraction: (o) => interactions.buttonInteraction(world, o),
      stringSelectInteraction: (o) => interactions.stringSelectInteraction(world, o),
      modalSubmitInteraction: (o) => modals.modalSubmitInteraction(world, o),
      answerModal: (modal, answers, actor) => modals.answerModal(world, modal, answers, actor),
      messageCreate: (o) => messageCreate(world, o),
      editMessage: (id, content) => {
        const payload = messageUpdate(world, id, content);
        gateway.dispatch("MESSAGE_UPDATE", payload);
        return payload;
      },
      deleteMessage: (id) => {
        const payload = messageDelete(world, id);
        gateway.dispatch("MESSAGE_DELETE", payload);
        return payload;
      },
      frames: gateway.received.items,
      waitForFrame: (predicate, timeoutMs) => gateway.received.waitFor(predicate, timeoutMs),
      identifies: gateway.identifies,
      protocolErrors: gateway.protocolErrors,
      sessionCount: () => gateway.sessionCount,
      disconnectAll: (code) => gateway.disconnectAll(code),
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        calls.rejectAll("fake closed");
        ledger.callbacks.rejectAll("fake closed");
        gateway.close();
        // Keep-alive sockets from undici would otherwise hold server.close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

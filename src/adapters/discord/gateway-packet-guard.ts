import { ChannelType, type Client } from "discord.js";
import { z } from "zod";

/**
 * discord.js turns each gateway dispatch into cache updates and events inside
 * `WebSocketManager#handlePacket`, called from the WebSocket's message handler. Nothing there
 * catches: one packet it cannot read (an interaction without the `message` it expects, an odd
 * field, a library bug) throws out of the socket's handler and, with Node's default policy, ends
 * the process — and every other platform with it. This wraps that one method so a packet that
 * throws is dropped and reported, and the next packet is handled as usual.
 *
 * `handlePacket` is internal to discord.js (stable through v14); `guardGatewayPackets` refuses
 * to start when it is missing, so an upgrade that moves it fails the tests, not production.
 */

/** A dispatch as the gateway sends it: the envelope is Discord's, `d` is whatever came. */
const dispatchSchema = z.object({ t: z.string(), d: z.unknown() }).loose();
export type GatewayDispatch = z.infer<typeof dispatchSchema>;

export interface PacketFailure {
  /** The dispatch's event name (`INTERACTION_CREATE`…), or "unknown" for a malformed envelope. */
  event: string;
  error: unknown;
  /** The packet's data, for answering an interaction discord.js could not build. */
  data: unknown;
}

type PacketHandler = (packet?: unknown, shard?: unknown) => boolean;

/**
 * discord.js (14.28) creates a DM channel it has not cached only from the `channel_type` of a
 * MESSAGE_CREATE; Discord documents that field as optional, and without it the DM is dropped
 * silently (no event, no error). A message without a server can only be in a DM with the bot.
 */
function completeDirectMessage(packet: GatewayDispatch): void {
  if (packet.t !== "MESSAGE_CREATE" || typeof packet.d !== "object" || packet.d === null) return;
  const data = packet.d as Record<string, unknown>;
  if (data.guild_id === undefined && data.channel_type === undefined) data.channel_type = ChannelType.DM;
}

export function guardGatewayPackets(client: Client, onFailure: (failure: PacketFailure) => void): void {
  const manager = client.ws as unknown as { handlePacket?: PacketHandler };
  const original = manager.handlePacket;
  if (typeof original !== "function")
    throw new Error("discord.js no longer has WebSocketManager#handlePacket: update gateway-packet-guard.ts");
  manager.handlePacket = function guardedHandlePacket(packet?: unknown, shard?: unknown): boolean {
    // Called without a packet to flush the queue of packets that arrived before READY.
    if (packet === undefined) return original.call(this, packet, shard);
    const dispatch = dispatchSchema.safeParse(packet);
    try {
      if (dispatch.success) completeDirectMessage(dispatch.data);
      return original.call(this, packet, shard);
    } catch (error) {
      onFailure({
        event: dispatch.success ? dispatch.data.t : "unknown",
        error,
        data: dispatch.success ? dispatch.data.d : undefined,
      });
      return true;
    }
  };
}

import { type OutboundMessage, type Outbox, outboundMessageSchema } from "../../../src/core/ports/outbox.js";

/**
 * A recording Outbox: `messages` is what would have been delivered, in enqueue order. Like the
 * SQL outbox it validates each message and stores a dedupe key once.
 */
export class InMemoryOutbox implements Outbox {
  readonly messages: OutboundMessage[] = [];

  async enqueue(messages: readonly OutboundMessage[]): Promise<void> {
    for (const message of messages) {
      const parsed = outboundMessageSchema.parse(message);
      if (this.messages.some((known) => known.dedupeKey === parsed.dedupeKey)) continue;
      this.messages.push(parsed);
    }
  }

  /** The messages for one target kind, e.g. `byTarget("user")` for DMs. */
  byTarget(kind: OutboundMessage["target"]["kind"]): OutboundMessage[] {
    return this.messages.filter((message) => message.target.kind === kind);
  }

  clear(): void {
    this.messages.length = 0;
  }
}

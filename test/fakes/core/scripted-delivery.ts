import type { PostTarget } from "../../../src/core/ports/outbox.js";
import type { PlatformDelivery, PostedRef } from "../../../src/core/ports/platform-delivery.js";
import type { Card } from "../../../src/core/shared/card.js";

/** A platform that records what it was given (posts and edits) and fails on a script. */
export class ScriptedDelivery implements PlatformDelivery {
  readonly delivered: { target: PostTarget; key: string; card: Card; ref: PostedRef }[] = [];
  readonly updated: { ref: PostedRef; card: Card }[] = [];
  readonly removed: PostedRef[] = [];
  readonly threads: { ref: PostedRef; name: string }[] = [];
  readonly failures: Error[] = [];
  constructor(readonly platform: "slack" | "discord") {}
  async deliver(target: PostTarget, card: Card, key: string): Promise<PostedRef> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    const ref = {
      channelId: target.kind === "user" ? `D-${target.userId}` : target.channelId,
      messageId: `m${this.delivered.length + 1}`,
    };
    this.delivered.push({ target, key, card, ref });
    return ref;
  }
  async update(ref: PostedRef, card: Card): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.updated.push({ ref, card });
  }
  async remove(ref: PostedRef): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.removed.push(ref);
  }
  /** Like Discord: the thread has the message's id. */
  async openThread(ref: PostedRef, name: string): Promise<string> {
    this.threads.push({ ref, name });
    return ref.messageId;
  }
}

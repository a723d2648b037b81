import type { PostTarget } from "../../../src/core/ports/outbox.js";
import type { PlatformDelivery, PostedRef } from "../../../src/core/ports/platform-delivery.js";
import type { Card } from "../../../src/core/shared/card.js";

/** A platform that records what it was given (posts and edits) and fails on a script. */
export class ScriptedDelivery implements PlatformDelivery {
  readonly delivered: { target: PostTarget; key: string; card: Card; ref: PostedRef }[] = [];
  readonly updated: { ref: PostedRef; card: Card }[] = [];
  readonly failures: Error[] = [];
  constructor(readonly platform: "slack" | "discord") {}
  async deliver(target: PostTarget, card: Card, key: string): Promise<PostedRef> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    const ref = {
      channelId: target.kind === "channel" ? target.channelId : `D-${target.userId}`,
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
}

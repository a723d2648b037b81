// The Slack PlatformDelivery (what the outbox worker calls) with the real @slack/web-api client
// against the fake Slack: where a post landed, and editing it later.

import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackOutboxDelivery } from "../../src/adapters/slack/slack-outbox-delivery.js";
import { DeliveryFailure, type PlatformDelivery } from "../../src/core/ports/platform-delivery.js";
import type { Card } from "../../src/core/shared/card.js";
import {
  dmChannelIdFor,
  FAKE_CHANNEL_ID,
  FAKE_USER_ID,
  type FakeSlack,
  startFakeSlack,
} from "../fakes/slack/index.js";

const card = (text: string): Card => ({ fallbackText: text, blocks: [{ type: "section", text: [text] }] });

describe("Slack delivery: refs and updates", () => {
  let fake: FakeSlack;
  let delivery: PlatformDelivery;

  beforeAll(async () => {
    fake = await startFakeSlack();
    // As the adapter builds it: the outbox worker, not the client, retries.
    const client = new webApi.WebClient("xoxb-delivery-test", {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    delivery = createSlackOutboxDelivery(client);
  });

  beforeEach(() => fake.reset());

  afterAll(async () => {
    await fake.close();
  });

  it("returns where a channel post landed: the channel and the message ts", async () => {
    const ref = await delivery.deliver(
      { kind: "channel", channelId: FAKE_CHANNEL_ID },
      card("#12 filed"),
      "k1",
    );

    const posted = fake.callsTo("chat.postMessage")[0];
    expect(ref).toEqual({ channelId: FAKE_CHANNEL_ID, messageId: posted?.response?.ts });
    expect(ref.messageId).toMatch(/^\d+\.\d+$/);
  });

  it("returns the DM channel Slack opened for a post to a person", async () => {
    const ref = await delivery.deliver(
      { kind: "user", userId: FAKE_USER_ID },
      card("Your problem moved"),
      "k2",
    );

    expect(fake.callsTo("conversations.open").map((c) => c.body.users)).toEqual([FAKE_USER_ID]);
    expect(ref.channelId).toBe(dmChannelIdFor(FAKE_USER_ID));
    expect(fake.callsTo("chat.postMessage")[0]?.body.channel).toBe(dmChannelIdFor(FAKE_USER_ID));
  });

  it("edits a posted card in place with chat.update", async () => {
    const ref = await delivery.deliver(
      { kind: "channel", channelId: FAKE_CHANNEL_ID },
      card("▲ 3 votes"),
      "k3",
    );

    await delivery.update(ref, card("▲ 4 votes"));

    const [updated] = fake.callsTo("chat.update");
    expect(updated?.body).toMatchObject({ channel: ref.channelId, ts: ref.messageId, text: "▲ 4 votes" });
    expect(JSON.stringify(updated?.body.blocks)).toContain("▲ 4 votes");
  });

  it("gives up on editing a message that is gone, and retries Slack's own trouble", async () => {
    const ref = { channelId: FAKE_CHANNEL_ID, messageId: "1712345678.000100" };

    fake.failNext("chat.update", { error: "message_not_found" });
    const gone = await delivery.update(ref, card("x")).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(DeliveryFailure);
    expect(gone).toMatchObject({ permanent: true });

    fake.failNext("chat.update", { status: 503 });
    await expect(delivery.update(ref, card("x"))).rejects.toMatchObject({ permanent: false });
  });
});

import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { describe, expect, it } from "vitest";
import { discordDeliveryFailure, discordNonce } from "./discord-outbox-delivery.js";

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ code, message: `error ${code}` }, code, status, "POST", "https://discord/api/v10/x", {
    body: undefined,
    files: undefined,
  });

describe("discordDeliveryFailure", () => {
  it("gives up on unknown channels and users, missing access and closed DMs", () => {
    for (const [code, status] of [
      [10003, 404],
      [10013, 404],
      [50001, 403],
      [50007, 403],
    ] as const) {
      const failure = discordDeliveryFailure(apiError(code, status));
      expect(failure.permanent, String(code)).toBe(true);
      expect(failure.message).toContain(String(code));
    }
  });

  it("waits as long as a rate limit asks", () => {
    const error = new RateLimitError({
      timeToReset: 0,
      limit: 5,
      method: "POST",
      hash: "h",
      url: "https://discord/api/v10/channels/1/messages",
      route: "/channels/:id/messages",
      majorParameter: "1",
      global: false,
      retryAfter: 2500,
      sublimitTimeout: 0,
      scope: "user",
    });
    expect(discordDeliveryFailure(error)).toMatchObject({ permanent: false, retryAfterMs: 2500 });
  });

  it("retries server errors and network failures", () => {
    expect(discordDeliveryFailure(apiError(0, 500)).permanent).toBe(false);
    expect(
      discordDeliveryFailure(
        new HTTPError(502, "Bad Gateway", "POST", "https://discord/x", { body: undefined, files: undefined }),
      ).permanent,
    ).toBe(false);
    expect(discordDeliveryFailure(new Error("ECONNREFUSED")).permanent).toBe(false);
  });
});

describe("discordNonce", () => {
  it("is a stable string of at most 25 characters per idempotency key", () => {
    const key = "problem:12:status:accepted:to:5b0c…:discord".repeat(5);
    expect(discordNonce(key)).toBe(discordNonce(key));
    expect(discordNonce(key).length).toBeLessThanOrEqual(25);
    expect(discordNonce(key)).not.toBe(discordNonce(`${key}!`));
  });
});

import { describe, expect, it } from "vitest";
import { DeliveryFailure } from "../../core/ports/platform-delivery.js";
import { slackDeliveryFailure } from "./slack-outbox-delivery.js";

/** Errors shaped as @slack/web-api throws them (code + fields), without a network. */
const slackError = (code: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(`An API error occurred: ${code}`), { code, ...fields });

describe("slackDeliveryFailure", () => {
  it("turns a rate limit into a transient failure that waits Retry-After", () => {
    const failure = slackDeliveryFailure(slackError("slack_webapi_rate_limited_error", { retryAfter: 3 }));
    expect(failure).toMatchObject({ permanent: false, retryAfterMs: 3000 });
  });

  it("gives up on addresses Slack will never accept", () => {
    for (const error of [
      "channel_not_found",
      "not_in_channel",
      "is_archived",
      "user_not_found",
      "cannot_dm_bot",
    ]) {
      const failure = slackDeliveryFailure(
        slackError("slack_webapi_platform_error", { data: { ok: false, error } }),
      );
      expect(failure.permanent, error).toBe(true);
      expect(failure.message).toContain(error);
    }
  });

  it("retries Slack's own trouble, 5xx and network errors", () => {
    const cases = [
      slackError("slack_webapi_platform_error", { data: { ok: false, error: "internal_error" } }),
      slackError("slack_webapi_http_error", { statusCode: 503 }),
      slackError("slack_webapi_request_error", { original: new Error("ECONNRESET") }),
      new Error("socket hang up"),
    ];
    for (const error of cases)
      expect(slackDeliveryFailure(error)).toMatchObject({ permanent: false, retryAfterMs: null });
  });

  it("reads Retry-After from a bare HTTP 429", () => {
    const failure = slackDeliveryFailure(
      slackError("slack_webapi_http_error", { statusCode: 429, headers: { "retry-after": "7" } }),
    );
    expect(failure).toMatchObject({ permanent: false, retryAfterMs: 7000 });
  });

  it("passes a DeliveryFailure through unchanged", () => {
    const original = new DeliveryFailure("already decided", true);
    expect(slackDeliveryFailure(original)).toBe(original);
  });
});

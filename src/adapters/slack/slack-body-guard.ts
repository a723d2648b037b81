import { z } from "zod";

/**
 * Bolt's HTTP receiver parses a request body into an object and reads fields off it. A body (or
 * an interactive `payload` field) that is JSON but not an object (`null`, `42`, `[]`) makes it
 * throw outside any handler: an unhandled rejection and a request left hanging. Slack never
 * sends that, but a proxy or an attacker who holds the signing secret can. The ack thread
 * (ack-thread/slack-ack-worker.ts) checks each signed body with this before Bolt sees it: one
 * that is not an object gets a 400 and a warn line.
 */

const slackBodySchema = z.record(z.string(), z.unknown());

/** Why a body cannot be a Slack request, or null when Bolt can read it. */
export function unreadableSlackBody(rawBody: string, contentType: string | undefined): string | null {
  let text = rawBody;
  // Bolt compares the header exactly; with a charset it reads the body as JSON (so do we).
  if (contentType === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(rawBody);
    const payloads = form.getAll("payload");
    if (payloads.length === 0) return null;
    if (payloads.length > 1) return "more than one payload field";
    text = payloads[0] ?? "";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  return slackBodySchema.safeParse(parsed).success ? null : "JSON but not an object";
}

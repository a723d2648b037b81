import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { defaultBodyLimit, HTTPModuleFunctions, isRawBodyError, isValidSlackRequest } from "@slack/bolt";
import { z } from "zod";
import type { AppLogger } from "../../ops/logger.js";

/**
 * Bolt's HTTP receiver parses a request body into an object and reads fields off it. A body (or
 * an interactive `payload` field) that is JSON but not an object (`null`, `42`, `[]`) makes it
 * throw outside any handler: an unhandled rejection and a request left hanging. Slack never
 * sends that, but a proxy or an attacker who holds the signing secret can. Checked here, before
 * Bolt: a signed body that is not an object gets a 400 and a warn line; everything else goes to
 * Bolt unchanged (it answers an unsigned one with its usual 401).
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

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Puts the check in front of Bolt's request listener on the server Bolt started. */
export function guardSlackBodies(
  server: Server,
  options: { signingSecret: string; path: string; logger: AppLogger },
): void {
  const bolt = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  const passOn = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of bolt) listener.call(server, req, res);
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "POST" || path !== options.path) return passOn(req, res);
    void check(req, res).catch((err: unknown) => {
      options.logger.warn({ err }, "could not read a Slack request body");
      if (!res.headersSent) res.writeHead(400);
      res.end();
    });
  });

  async function check(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.bufferIncomingMessage>>;
    try {
      // Bolt reuses the buffered body (req.rawBody) instead of reading the stream again.
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit);
    } catch (err) {
      if (!isRawBodyError(err) || err.statusCode !== 413) throw err;
      options.logger.warn({ limit: defaultBodyLimit }, "refused a Slack request body over the size limit");
      res.writeHead(413);
      res.end();
      return;
    }
    const rawBody = buffered.rawBody.toString();
    const reason = unreadableSlackBody(rawBody, req.headers["content-type"]);
    const signed = () =>
      isValidSlackRequest({
        signingSecret: options.signingSecret,
        body: rawBody,
        headers: {
          "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""),
          "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
        },
      });
    if (reason === null || !signed()) return passOn(req, res);
    options.logger.warn(
      { reason, bytes: rawBody.length },
      "refused a signed Slack request whose body we cannot read",
    );
    res.writeHead(400);
    res.end();
  }
}

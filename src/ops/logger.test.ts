import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { createLogger } from "./logger.js";

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c.toString()));
  return { stream, text: () => chunks.join("") };
}

describe("logger", () => {
  it("never writes a token or signing secret, wherever it appears", async () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-123-456-secretbot",
      SLACK_SIGNING_SECRET: "8f7e6d5c4b3a2918",
      SLACK_APP_TOKEN: "xapp-1-A1-secretapp",
      DISCORD_TOKEN: "MTIz.discord.secret-token",
      DISCORD_APPLICATION_ID: "123456789",
      DATABASE_URL: "postgresql://dd:pa55word-x@db/dd",
    });
    const out = capture();
    const logger = createLogger({ level: "trace", secrets: config.secrets, destination: out.stream });
    logger.info({ config }, "starting with config");
    logger.error(
      { err: new Error(`auth failed for token ${config.discord?.token}`) },
      "discord login failed",
    );
    logger.warn({ headers: { authorization: `Bearer ${config.slack?.botToken}` } }, "request");
    logger.debug(`connecting to ${config.database.kind === "postgres" ? config.database.url : ""}`);
    logger.info(
      { nested: { deeper: { signingSecret: "8f7e6d5c4b3a2918", note: "xapp-1-A1-secretapp" } } },
      "deep",
    );
    await new Promise((r) => setImmediate(r));
    const text = out.text();
    expect(text).toContain("starting with config");
    expect(text).toContain("[redacted]");
    for (const secret of [
      "xoxb-123-456-secretbot",
      "8f7e6d5c4b3a2918",
      "xapp-1-A1-secretapp",
      "MTIz.discord.secret-token",
      "pa55word-x",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

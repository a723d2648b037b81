import { Writable } from "node:stream";
import pino, { type Logger as PinoLogger } from "pino";

export type AppLogger = PinoLogger;

/**
 * A pino logger that can never print a secret. Redaction by field path catches the obvious
 * places; the scrubbing stream catches the rest (a token inside an error message, a URL with a
 * password), because it replaces every configured secret value in every line before writing.
 */
export function createLogger(options: {
  level: string;
  secrets: readonly string[];
  destination?: NodeJS.WritableStream;
}): AppLogger {
  const destination = options.destination ?? process.stdout;
  const secrets = [...new Set(options.secrets.filter((s) => s.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
  const scrubbing = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      let line = typeof chunk === "string" ? chunk : chunk.toString("utf8");
      for (const secret of secrets) line = line.split(secret).join("[redacted]");
      destination.write(line, callback);
    },
  });
  return pino(
    {
      level: options.level,
      base: { app: "datadesk" },
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "*.botToken",
          "appToken",
          "*.appToken",
          "signingSecret",
          "*.signingSecret",
          "secrets",
          "*.secrets",
          "headers.authorization",
          "*.headers.authorization",
          'headers["x-slack-signature"]',
          '*.headers["x-slack-signature"]',
        ],
        censor: "[redacted]",
      },
    },
    scrubbing,
  );
}

import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { CatalogSourceError } from "./catalog-source-error.js";

export { CatalogSourceError } from "./catalog-source-error.js";

/**
 * Opens a catalog location (file path, file: URL, or http(s) URL) as a byte stream. Callers
 * never hold a whole catalog in memory: bytes are handed on chunk by chunk with backpressure.
 * Every failure to get at the bytes becomes a CatalogSourceError naming the location.
 */
export interface SourceOptions {
  /**
   * Longest wait in ms for response headers and for each next chunk of the body. It is an
   * idle timeout, not a total one, so a 300 MB catalog that keeps streaming is never cut off.
   */
  timeoutMs?: number;
  /** Attempts per request on network errors, HTTP 429 and 5xx. */
  attempts?: number;
  /** Backoff before the second attempt, doubled for each later one. */
  retryDelayMs?: number;
  /** The fetch to use; global fetch by default (tests and proxies may inject one). */
  fetch?: typeof fetch;
}

export const defaultSourceOptions = {
  timeoutMs: 30_000,
  attempts: 3,
  retryDelayMs: 500,
} as const;

export interface OpenedSource {
  /** The location as given, for messages. */
  location: string;
  body: Readable;
}

const maxRetryAfterMs = 30_000;

export function isHttpLocation(location: string): boolean {
  return /^https?:\/\//i.test(location.trim());
}

export async function openLocation(location: string, options: SourceOptions = {}): Promise<OpenedSource> {
  const body = isHttpLocation(location) ? await openUrl(location.trim(), options) : await openFile(location);
  return { location, body };
}

async function openFile(location: string): Promise<Readable> {
  const path = location.startsWith("file:") ? fileURLToPath(location) : resolve(location);
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new CatalogSourceError("not_found", location, `There is no catalog file at ${location}.`, {
        cause: error,
      });
    }
    throw new CatalogSourceError(
      "unreadable",
      location,
      `The catalog file ${location} cannot be opened (${code ?? describe(error)}).`,
      {
        cause: error,
      },
    );
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new CatalogSourceError(
      "unreadable",
      location,
      `${location} is not a file, so it cannot be read as a catalog.`,
    );
  }
  const stream = handle.createReadStream({ highWaterMark: 256 * 1024 });
  return Readable.from(fileChunks(stream, location), { objectMode: false });
}

async function* fileChunks(stream: Readable, location: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw new CatalogSourceError(
      "unreadable",
      location,
      `Reading the catalog file ${location} failed: ${describe(error)}.`,
      {
        cause: error,
      },
    );
  }
}

/** Marks an abort as ours (idle timeout) rather than the consumer stopping early. */
class IdleTimeout extends Error {}

async function openUrl(location: string, options: SourceOptions): Promise<Readable> {
  const timeoutMs = options.timeoutMs ?? defaultSourceOptions.timeoutMs;
  const attempts = Math.max(1, options.attempts ?? defaultSourceOptions.attempts);
  const retryDelayMs = options.retryDelayMs ?? defaultSourceOptions.retryDelayMs;
  const fetchImpl = options.fetch ?? fetch;
  const timeoutError = (phase: "answer" | "body") =>
    new CatalogSourceError(
      "timeout",
      location,
      phase === "answer"
        ? `${location} did not answer within ${formatSeconds(timeoutMs)}.`
        : `${location} stopped sending data for ${formatSeconds(timeoutMs)}.`,
    );

  for (let attempt = 1; ; attempt += 1) {
    const controller = new AbortController();
    const headersTimer = setTimeout(() => controller.abort(new IdleTimeout()), timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(location, {
        signal: controller.signal,
        headers: { accept: "application/json, application/x-ndjson;q=0.9, */*;q=0.5" },
      });
    } catch (error) {
      if (controller.signal.reason instanceof IdleTimeout) throw timeoutError("answer");
      if (attempt < attempts) {
        await sleep(retryDelayMs * 2 ** (attempt - 1));
        continue;
      }
      throw new CatalogSourceError(
        "unreadable",
        location,
        `Could not reach ${location}: ${describe(error)}.`,
        { cause: error },
      );
    } finally {
      clearTimeout(headersTimer);
    }

    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 404 || response.status === 410) {
        throw new CatalogSourceError(
          "not_found",
          location,
          `There is no catalog at ${location} (HTTP ${response.status}).`,
        );
      }
      if ((response.status === 429 || response.status >= 500) && attempt < attempts) {
        await sleep(retryAfterMs(response) ?? retryDelayMs * 2 ** (attempt - 1));
        continue;
      }
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      throw new CatalogSourceError(
        "http_error",
        location,
        `${location} answered HTTP ${status} instead of a catalog.`,
      );
    }

    if (/text\/html/i.test(response.headers.get("content-type") ?? "")) {
      await response.body?.cancel().catch(() => undefined);
      throw new CatalogSourceError(
        "not_json",
        location,
        `${location} returned a web page (HTML), not a JSON catalog.`,
      );
    }
    const body = response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    return Readable.from(bodyChunks(body, controller, timeoutMs, location, timeoutError), {
      objectMode: false,
    });
  }
}

/**
 * Hands on the response body, aborting when the server goes quiet for `timeoutMs`. The timer
 * only runs while we wait for the network, so a slow consumer never trips it.
 */
async function* bodyChunks(
  body: ReadableStream<Uint8Array>,
  controller: AbortController,
  timeoutMs: number,
  location: string,
  timeoutError: (phase: "body") => CatalogSourceError,
): AsyncGenerator<Buffer> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const timer = setTimeout(() => controller.abort(new IdleTimeout()), timeoutMs);
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } finally {
        clearTimeout(timer);
      }
      if (chunk.done) {
        finished = true;
        return;
      }
      yield Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength);
    }
  } catch (error) {
    if (controller.signal.reason instanceof IdleTimeout) throw timeoutError("body");
    throw new CatalogSourceError(
      "unreadable",
      location,
      `The download of ${location} broke off: ${describe(error)}.`,
      {
        cause: error,
      },
    );
  } finally {
    // Stopping early (or failing) must release the connection rather than download the rest.
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

export interface PeekOptions {
  /** Stop once this many bytes were read. */
  maxBytes: number;
  /** Stop earlier, as soon as a line break was read (to get a JSONL file's first line). */
  untilNewline?: boolean;
}

export interface Peeked {
  /** The bytes read so far as text (BOM removed); whole chunks, so often more than needed. */
  head: string;
  /** True when `head` is the entire content. */
  complete: boolean;
  /** Replays `head`'s bytes, then the rest. */
  source: OpenedSource;
}

/**
 * Reads the first bytes without losing them. Used to tell JSON Lines from a JSON document,
 * and to spot HTML, before choosing a parser.
 */
export async function peekHead(source: OpenedSource, options: PeekOptions): Promise<Peeked> {
  const iterator: AsyncIterator<Buffer> = source.body[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let complete = false;
  while (size < options.maxBytes) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
    if (options.untilNewline && next.value.includes(0x0a)) break;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    if (complete) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const body = Readable.from(replay(), { objectMode: false });
  // Closing the replay (even before it was read) must close the original stream too.
  body.once("close", () => void iterator.return?.()?.catch(() => undefined));
  const head = Buffer.concat(seen)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return { head, complete, source: { location: source.location, body } };
}

function retryAfterMs(response: Response): number | null {
  const header = response.headers.get("retry-after");
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, maxRetryAfterMs) : null;
}

function errorCode(error: unknown): string | null {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : null;
}

/** fetch() hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const causeCode = errorCode(error.cause);
    return causeCode ?? errorCode(error) ?? error.message;
  }
  return String(error);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

import { type JsonPath, type JsonWalkHandler, layoutHandler, type RecordLayout } from "./json-walker.js";

/**
 * Finds the records of one JSON document in its bytes and parses each one with JSON.parse.
 *
 * Token streaming (stream-json: one object per token, then an Assembler per record) was the
 * largest single cost of a 300k-dataset import (about 14 s of 586 MB). A record is small and
 * the envelope around the records is tiny, so only the envelope is walked here, byte by byte
 * with a path like json-walker's; a value the layout wants (a record, a total) or skips is
 * only delimited (depth and strings, found with Buffer.indexOf), then its bytes go to the
 * native JSON.parse, which also checks them. The record's bytes are handed out too, so a sync
 * can tell a record it has already imported from its bytes alone (see source-hash.ts).
 * UTF-8 never puts a byte below 0x80 inside a multi-byte character, so scanning bytes for
 * ASCII delimiters is safe. Memory is bounded by the largest record.
 */

export type ScannedEvent =
  | { type: "record"; value: unknown; bytes: Buffer }
  | { type: "total"; total: number }
  | { type: "records-start" };

/** What the envelope expects next. */
enum Expect {
  Value,
  ValueOrEnd,
  Key,
  KeyOrEnd,
  Colon,
  CommaOrEnd,
  Nothing,
}

interface Frame {
  readonly isArray: boolean;
  key: string | number;
}

/** A skipped value larger than this is only delimited, not parsed: its bytes are not kept. */
const MAX_CHECKED_SKIP = 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isScalarEnd(byte: number): boolean {
  return byte === 0x2c || byte === 0x5d || byte === 0x7d || isWhitespace(byte);
}

export class RecordScanner {
  private readonly frames: Frame[] = [];
  private expect = Expect.Value;
  private offset = 0;
  private readonly handler: JsonWalkHandler;
  private readonly events: ScannedEvent[] = [];
  /** The value being delimited: null in the envelope. */
  private value: {
    kind: "container" | "string" | "scalar" | "key";
    keep: boolean;
    parse: boolean;
    path: JsonPath;
    depth: number;
    inString: boolean;
    escaped: boolean;
    pieces: Buffer[];
    size: number;
  } | null = null;

  /** The bytes of the record being handed to the layout handler. */
  private recordBytes: Buffer = Buffer.alloc(0);
  /** Where the open value starts in the current chunk (0 once it has spanned a chunk). */
  private startAt = 0;
  private bomSeen = 0;

  constructor(layout: RecordLayout) {
    this.handler = layoutHandler(layout, (event) =>
      this.events.push(event.type === "record" ? { ...event, bytes: this.recordBytes } : event),
    );
  }

  /** Scans one chunk; returns what it completed. Throws a SyntaxError on bytes that are not JSON. */
  write(chunk: Buffer): ScannedEvent[] {
    let at = 0;
    // A byte order mark, however the first chunks are cut.
    while (this.offset + at < 3 && chunk[at] === BOM[this.offset + at] && this.bomSeen === this.offset + at) {
      this.bomSeen += 1;
      at += 1;
    }
    while (at < chunk.length) {
      at = this.value ? this.scanValue(chunk, at) : this.scanEnvelope(chunk, at);
    }
    this.offset += chunk.length;
    return this.events.splice(0);
  }

  /** The document must be complete here. */
  end(): ScannedEvent[] {
    if (this.value?.kind === "scalar") {
      this.startAt = 0;
      this.finishValue(Buffer.alloc(0), 0);
    }
    if (this.value || this.expect !== Expect.Nothing)
      throw new SyntaxError(`Unexpected end of JSON input after ${this.offset} bytes`);
    return this.events.splice(0);
  }

  private fail(chunk: Buffer, at: number): never {
    const shown = String.fromCharCode(chunk[at] ?? 0);
    throw new SyntaxError(`Unexpected ${JSON.stringify(shown)} at byte ${this.offset + at}`);
  }

  private scanEnvelope(chunk: Buffer, start: number): number {
    let at = start;
    while (at < chunk.length && isWhitespace(chunk[at] as number)) at += 1;
    if (at === chunk.length) return at;
    const byte = chunk[at] as number;
    const frame = this.frames.at(-1);
    switch (this.expect) {
      case Expect.Nothing:
        return this.fail(chunk, at);
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (byte === 0x7d && this.expect === Expect.KeyOrEnd) return this.close(at);
        if (byte !== QUOTE) return this.fail(chunk, at);
        this.startValue("key", [], true, at);
        return this.scanValue(chunk, at + 1);
      case Expect.Colon:
        if (byte !== 0x3a) return this.fail(chunk, at);
        this.expect = Expect.Value;
        return at + 1;
      case Expect.CommaOrEnd:
        if (byte === 0x2c) {
          this.expect = frame?.isArray ? Expect.Value : Expect.Key;
          return at + 1;
        }
        if ((byte === 0x5d && frame?.isArray) || (byte === 0x7d && frame && !frame.isArray))
          return this.close(at);
        return this.fail(chunk, at);
      case Expect.ValueOrEnd:
        if (byte === 0x5d) return this.close(at);
        return this.beginValue(chunk, at);
      default:
        return this.beginValue(chunk, at);
    }
  }

  private close(at: number): number {
    this.frames.pop();
    this.afterValue();
    return at + 1;
  }

  private afterValue(): void {
    this.expect = this.frames.length === 0 ? Expect.Nothing : Expect.CommaOrEnd;
  }

  private beginValue(chunk: Buffer, at: number): number {
    const byte = chunk[at] as number;
    const path = this.frames.map((frame) => frame.key);
    const parent = this.frames.at(-1);
    if (parent?.isArray && typeof parent.key === "number") parent.key += 1;
    const isObject = byte === 0x7b;
    const isArray = byte === 0x5b;
    const decision = this.handler.enter(path, isObject ? "object" : isArray ? "array" : "scalar");
    if (decision === "descend" && (isObject || isArray)) {
      this.frames.push({ isArray, key: isArray ? 0 : "" });
      this.expect = isArray ? Expect.ValueOrEnd : Expect.KeyOrEnd;
      return at + 1;
    }
    const kind = isObject || isArray ? "container" : byte === QUOTE ? "string" : "scalar";
    const keep = decision === "assemble";
    this.startValue(kind, path, keep, at);
    // A scalar's first byte is its own; a container's or string's opener is consumed here. The
    // value is scanned on at once, so one that the chunk ends right after still keeps its opener.
    return this.scanValue(chunk, kind === "scalar" ? at : at + 1);
  }

  private startValue(
    kind: "container" | "string" | "scalar" | "key",
    path: JsonPath,
    keep: boolean,
    at: number,
  ): void {
    this.value = {
      kind,
      keep,
      parse: true,
      path,
      depth: kind === "container" ? 1 : 0,
      inString: kind === "string" || kind === "key",
      escaped: false,
      pieces: [],
      size: 0,
    };
    this.startAt = at;
  }

  /** Delimits the current value from `start`; returns where the envelope resumes. */
  private scanValue(chunk: Buffer, start: number): number {
    const value = this.value;
    if (!value) return start;
    const from = this.startAt;
    let at = start;
    // Next quote and backslash from `at`, searched again only once passed: a string full of
    // escapes ("\/" in Socrata's files) must not rescan to its closing quote at every one.
    let quote = -2;
    let slash = -2;
    while (at < chunk.length) {
      if (value.inString) {
        if (value.escaped) {
          value.escaped = false;
          at += 1;
          continue;
        }
        if (quote !== -1 && quote < at) quote = chunk.indexOf(QUOTE, at);
        if (slash !== -1 && slash < at) slash = chunk.indexOf(BACKSLASH, at);
        if (slash !== -1 && (quote === -1 || slash < quote)) {
          value.escaped = true;
          at = slash + 1;
          continue;
        }
        if (quote === -1) {
          at = chunk.length;
          break;
        }
        value.inString = false;
        at = quote + 1;
        if (value.depth === 0) return this.finishValue(chunk, at, from);
        continue;
      }
      const byte = chunk[at] as number;
      if (value.kind === "scalar") {
        if (isScalarEnd(byte)) return this.finishValue(chunk, at, from);
      } else if (byte === QUOTE) {
        value.inString = true;
      } else if (byte === 0x7b || byte === 0x5b) {
        value.depth += 1;
      } else if (byte === 0x7d || byte === 0x5d) {
        value.depth -= 1;
        if (value.depth === 0) return this.finishValue(chunk, at + 1, from);
      }
      at += 1;
    }
    this.keepPiece(chunk.subarray(from, chunk.length));
    this.startAt = 0;
    return at;
  }

  private keepPiece(piece: Buffer): void {
    const value = this.value;
    if (!value?.parse) return;
    value.size += piece.length;
    if (!value.keep && value.size > MAX_CHECKED_SKIP) {
      value.parse = false;
      value.pieces = [];
      return;
    }
    // The chunk may be reused by the stream: keep a copy of the part we need.
    value.pieces.push(Buffer.from(piece));
  }

  private finishValue(chunk: Buffer, end: number, from = this.startAt): number {
    const value = this.value;
    if (!value) return end;
    this.value = null;
    if (value.parse) {
      const last = chunk.subarray(from, end);
      const bytes = value.pieces.length === 0 ? last : Buffer.concat([...value.pieces, last]);
      const parsed: unknown = JSON.parse(bytes.toString("utf8"));
      if (value.kind === "key") {
        const frame = this.frames.at(-1);
        if (frame) frame.key = parsed as string;
        this.expect = Expect.Colon;
        return end;
      }
      if (value.keep) {
        this.recordBytes = bytes;
        this.handler.value(value.path, parsed);
      }
    }
    this.afterValue();
    return end;
  }
}

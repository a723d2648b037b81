import { StringDecoder } from "node:string_decoder";
import { CatalogSourceError } from "./catalog-source-error.js";
import type { RecordLayout } from "./json-walker.js";
import { RecordScanner, type ScannedEvent } from "./record-scanner.js";
import {
  isHttpLocation,
  type OpenedSource,
  openLocation,
  peekHead,
  type SourceOptions,
} from "./source-location.js";

/**
 * Turns a location into a stream of raw records (still unvalidated JSON values), whatever
 * the container: one JSON document with records at a known path, several pages of such
 * documents fetched over HTTP, or JSON Lines. Format modules only describe where records are.
 */

/**
 * A raw record with the bytes it was parsed from (what a sync hashes to recognise a record it
 * already has), or why the bytes for one record could not even be parsed (a bad JSONL line).
 */
export type RawItem = { value: unknown; bytes: Buffer | string } | { problem: string };

/** Query parameters an API pages with: CKAN `rows`/`start`, Socrata `limit`/`offset`. */
export interface Paging {
  sizeParam: string;
  offsetParam: string;
  defaultSize: number;
  /**
   * Which URLs are the paged API (e.g. `/action/package_search`). Other URLs, such as a dump
   * on a static host or a signed link, are fetched as given: extra query parameters could
   * break them or make us fetch the same file twice.
   */
  endpoint: RegExp;
}

export interface ReadingPlan {
  layout: RecordLayout;
  /** Followed only for http(s) API locations; a local file is one page. */
  paging?: Paging;
  /** CKAN dumps are JSON Lines (one package per line); only then is the head sniffed. */
  allowJsonLines?: boolean;
}

/** Keys that start a CKAN API envelope; a JSONL package never starts with them. */
const envelopeKeys = new Set(["help", "success", "result", "error"]);

export async function* readRawRecords(
  location: string,
  plan: ReadingPlan,
  options: SourceOptions,
  onTotal: (total: number) => void,
): AsyncGenerator<RawItem> {
  const paging = plan.paging && isPagedEndpoint(location, plan.paging) ? plan.paging : null;
  const url = paging ? new URL(location.trim()) : null;
  const size =
    url && paging ? positiveInteger(url.searchParams.get(paging.sizeParam)) || paging.defaultSize : 0;
  let offset = url && paging ? (positiveInteger(url.searchParams.get(paging.offsetParam)) ?? 0) : 0;
  const pageLocation = (): string => {
    if (!url || !paging) return location;
    url.searchParams.set(paging.sizeParam, String(size));
    url.searchParams.set(paging.offsetParam, String(offset));
    return url.href;
  };

  let source = await openLocation(pageLocation(), options);
  if (plan.allowJsonLines) {
    const peeked = await peekHead(source, { maxBytes: 4096 });
    source = peeked.source;
    if (looksLikeJsonLines(peeked.head)) {
      yield* readJsonLines(source);
      return;
    }
  }
  const announced: { total: number | null } = { total: null };
  const trackTotal = (total: number) => {
    announced.total = total;
    onTotal(total);
  };
  for (;;) {
    let count = 0;
    for await (const item of readJsonDocument(source, plan.layout, trackTotal)) {
      count += 1;
      yield item;
    }
    if (!paging) return;
    // Step by what the server actually returned: CKAN silently caps `rows` (rows_max).
    offset += count;
    if (count === 0) return;
    if (announced.total !== null ? offset >= announced.total : count < size) return;
    source = await openLocation(pageLocation(), options);
  }
}

function isPagedEndpoint(location: string, paging: Paging): boolean {
  if (!isHttpLocation(location)) return false;
  const url = new URL(location.trim());
  return paging.endpoint.test(url.pathname) || url.searchParams.has(paging.offsetParam);
}

/**
 * `{"id": …` on the first line is a package per line; `{"help": …`, `[`, or a pretty-printed
 * `{` followed by a line break is one JSON document.
 */
export function looksLikeJsonLines(head: string): boolean {
  const firstKey = /^\s*\{[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*:/.exec(head)?.[1];
  return firstKey !== undefined && !envelopeKeys.has(firstKey);
}

/** Streams the records of one JSON document at bounded memory (see record-scanner). */
export async function* readJsonDocument(
  source: OpenedSource,
  layout: RecordLayout,
  onTotal: (total: number) => void,
): AsyncGenerator<{ value: unknown; bytes: Buffer }> {
  const scanner = new RecordScanner(layout);
  let foundRecords = false;
  function* emit(events: ScannedEvent[]): Generator<{ value: unknown; bytes: Buffer }> {
    for (const event of events) {
      if (event.type === "record") yield { value: event.value, bytes: event.bytes };
      else if (event.type === "total") onTotal(event.total);
      else foundRecords = true;
    }
  }
  try {
    for await (const chunk of source.body) {
      yield* emit(scanner.write(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer)));
    }
    yield* emit(scanner.end());
  } catch (error) {
    throw asSourceError(error, source.location);
  }
  // Valid JSON without the record list (an API error object, another format) must not pass
  // for an empty catalog: a resync would then believe every dataset was deleted.
  if (!foundRecords) {
    const where = layout.recordArrays
      .map((path) => (path.length > 0 ? `"${path.join(".")}"` : "the top level"))
      .join(" or ");
    throw new CatalogSourceError(
      "not_a_catalog",
      source.location,
      `${source.location} is JSON but not the expected catalog: there is no list of datasets at ${where}.`,
    );
  }
}

/** A single JSONL line larger than this is not a catalog record; stop rather than buffer it. */
const maxLineChars = 64 * 1024 * 1024;

/** One JSON value per line; a broken line is reported and skipped, not fatal. */
export async function* readJsonLines(source: OpenedSource): AsyncGenerator<RawItem> {
  const decoder = new StringDecoder("utf8");
  // Pieces of the current, unfinished line: only new text is scanned for line breaks, so
  // long lines cost linear time.
  let pieces: string[] = [];
  let pendingChars = 0;
  let lineNumber = 0;

  function parseLine(line: string): RawItem | null {
    lineNumber += 1;
    const trimmed = (lineNumber === 1 ? line.replace(/^\uFEFF/, "") : line).trim();
    if (!trimmed) return null;
    try {
      return { value: JSON.parse(trimmed), bytes: trimmed };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { problem: `line ${lineNumber} is not valid JSON (${reason})` };
    }
  }

  function* splitLines(text: string): Generator<RawItem> {
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      pieces.push(text.slice(start, end));
      const item = parseLine(pieces.join(""));
      pieces = [];
      pendingChars = 0;
      start = end + 1;
      if (item) yield item;
    }
    if (start < text.length) {
      pieces.push(text.slice(start));
      pendingChars += text.length - start;
      if (pendingChars > maxLineChars) {
        throw new CatalogSourceError(
          "unreadable",
          source.location,
          `${source.location} has a line over ${maxLineChars / 1024 / 1024} MB at line ${lineNumber + 1}; it is not a JSON Lines catalog.`,
        );
      }
    }
  }

  try {
    for await (const chunk of source.body) yield* splitLines(decoder.write(chunk as Buffer));
    yield* splitLines(decoder.end());
    const last = parseLine(pieces.join(""));
    if (last) yield last;
  } catch (error) {
    throw asSourceError(error, source.location);
  }
}

/** Anything that is not already a CatalogSourceError came from the JSON parser. */
function asSourceError(error: unknown, location: string): CatalogSourceError {
  if (error instanceof CatalogSourceError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new CatalogSourceError("not_json", location, `${location} is not valid JSON (${reason}).`, {
    cause: error,
  });
}

function positiveInteger(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

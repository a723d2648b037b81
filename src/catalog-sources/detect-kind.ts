import { pipeline } from "node:stream";
import { parser, type Token } from "stream-json/parser.js";
import type { CatalogKind } from "../core/catalog/dataset.js";
import { CatalogSourceError } from "./catalog-source-error.js";
import { type JsonPath, JsonTokenWalker, type JsonValueKind, type JsonWalkHandler } from "./json-walker.js";
import { looksLikeJsonLines } from "./record-stream.js";
import { type OpenedSource, openLocation, peekHead, type SourceOptions } from "./source-location.js";

/**
 * Tells which catalog family a location holds from its first keys and first record, so an
 * admin can paste any portal URL or file. It reads only as far as needed and then drops the
 * connection.
 *
 * - `dataset: [...]` with a DCAT-like first record, or `conformsTo`/`@type` → dcat
 * - `result.results` / `result: [...]` of packages, or a package per line (JSONL) → ckan
 * - `results: [{ resource }]` with `resultSetSize` → socrata
 */

/** A JSONL line longer than this is not worth buffering: we fall back to streaming tokens. */
const maxFirstLineBytes = 4 * 1024 * 1024;

export async function detectCatalogKind(location: string, options: SourceOptions = {}): Promise<CatalogKind> {
  const { head, complete, source } = await peekHead(await openLocation(location, options), {
    maxBytes: maxFirstLineBytes,
    untilNewline: true,
  });
  const start = head.trimStart();
  if (!start || start.startsWith("<")) {
    source.body.destroy();
    const what = start ? "holds HTML or XML, not a JSON catalog" : "is empty";
    throw new CatalogSourceError("not_json", location, `${location} ${what}.`);
  }

  // JSON Lines, or a small document on one line: judge the first line as a whole. (Streaming
  // tokens would not do for JSONL: one broken later line fails the parser before we decide.)
  const newline = head.indexOf("\n");
  const firstLine = newline !== -1 ? head.slice(0, newline) : complete ? head : null;
  const firstValue = firstLine === null ? undefined : parseOrUndefined(firstLine);
  if (firstValue !== undefined) {
    source.body.destroy();
    return classifyCatalog(firstValue, true, looksLikeJsonLines(head)) ?? notACatalog(location);
  }
  return (await probeTokens(source)) ?? notACatalog(location);
}

function notACatalog(location: string): never {
  throw new CatalogSourceError(
    "not_a_catalog",
    location,
    `${location} is JSON, but not a catalog this bot can read (DCAT-US data.json, CKAN or Socrata Discovery API).`,
  );
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function looksLikeCkanPackage(value: unknown): boolean {
  return (
    isRecord(value) &&
    (Array.isArray(value.resources) || typeof value.num_resources === "number") &&
    (typeof value.id === "string" || typeof value.name === "string")
  );
}

/**
 * Names the kind of a (possibly partial) document. Without `final`, only a telling first
 * record counts; with it, the envelope markers alone do too (an empty but valid catalog).
 * A bare package is a catalog only as the first line of JSON Lines (`jsonLines`).
 */
export function classifyCatalog(value: unknown, final: boolean, jsonLines: boolean): CatalogKind | null {
  if (Array.isArray(value)) return looksLikeCkanPackage(value[0]) ? "ckan" : null;
  if (!isRecord(value)) return null;
  const { dataset, results, result } = value;
  const firstDataset: unknown = Array.isArray(dataset) ? dataset[0] : undefined;
  if (
    isRecord(firstDataset) &&
    (typeof firstDataset.identifier === "string" || typeof firstDataset.title === "string")
  ) {
    return "dcat";
  }
  const firstResult: unknown = Array.isArray(results) ? results[0] : undefined;
  if (isRecord(firstResult) && isRecord(firstResult.resource)) return "socrata";
  const packages: unknown = isRecord(result) ? result.results : result;
  if (Array.isArray(packages) && looksLikeCkanPackage(packages[0])) return "ckan";
  if (jsonLines && looksLikeCkanPackage(value)) return "ckan";
  if (!final) return null;

  const catalogType = value["@type"];
  if (
    Array.isArray(dataset) &&
    ("conformsTo" in value || (typeof catalogType === "string" && /catalog/i.test(catalogType)))
  ) {
    return "dcat";
  }
  if (Array.isArray(results) && typeof value.resultSetSize === "number") return "socrata";
  if (isRecord(result) && Array.isArray(result.results) && typeof result.count === "number") return "ckan";
  return null;
}

/** Streams the first value's tokens into a sampled skeleton until it can be classified. */
async function probeTokens(source: OpenedSource): Promise<CatalogKind | null> {
  const sampler = new SkeletonSampler();
  const walker = new JsonTokenWalker(sampler);
  const tokens = parser.asStream({ streamValues: false, jsonStreaming: true });
  pipeline(source.body, tokens, () => undefined);
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      walker.push(token);
      if (sampler.changed) {
        sampler.changed = false;
        const kind = classifyCatalog(sampler.skeleton, false, false);
        if (kind) return kind;
      }
      if (sampler.started && walker.atTopLevel) break;
    }
  } catch (error) {
    if (error instanceof CatalogSourceError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CatalogSourceError(
      "not_json",
      source.location,
      `${source.location} is not valid JSON (${reason}).`,
      {
        cause: error,
      },
    );
  } finally {
    tokens.destroy();
  }
  return classifyCatalog(sampler.skeleton, true, false);
}

/**
 * Builds a small stand-in of the document: scalars near the top, the first element of each
 * array, and empty placeholders for everything skipped (so `resources: []` still says "array").
 * Its size is bounded by one record, whatever the catalog's size.
 */
class SkeletonSampler implements JsonWalkHandler {
  skeleton: unknown = undefined;
  started = false;
  changed = false;

  enter(path: JsonPath, kind: JsonValueKind) {
    this.started = true;
    const last = path.at(-1);
    if (typeof last === "number") return last === 0 ? "assemble" : "skip";
    if (kind === "scalar") return "assemble";
    this.store(path, kind === "array" ? [] : {});
    // Descend into the envelope (depth 0–1) and into arrays one level deeper (result.results).
    return path.length <= 1 || (path.length === 2 && kind === "array") ? "descend" : "skip";
  }

  value(path: JsonPath, value: unknown): void {
    this.store(path, value);
    this.changed = true;
  }

  private store(path: JsonPath, value: unknown): void {
    if (path.length === 0) {
      this.skeleton = value;
      return;
    }
    let container: unknown = this.skeleton;
    for (const step of path.slice(0, -1)) {
      container =
        isRecord(container) || Array.isArray(container)
          ? (container as Record<string | number, unknown>)[step]
          : undefined;
    }
    const last = path.at(-1);
    if (last === undefined) return;
    if (Array.isArray(container) && typeof last === "number") container[last] = value;
    else if (isRecord(container) && typeof last === "string") container[last] = value;
  }
}

import { Transform } from "node:stream";
import Assembler from "stream-json/assembler.js";
import type { Token } from "stream-json/parser.js";

/**
 * Walks stream-json tokens and materialises only the values a handler asks for. Catalogs can
 * be hundreds of MB, but each record inside is small: we keep a stack of the few enclosing
 * containers, build each wanted value (one dataset, one `count`) with an Assembler, and skip
 * everything else token by token. Memory is bounded by the largest single record.
 */

/** Object keys and array indices from the document root to a value. */
export type JsonPath = readonly (string | number)[];
export type JsonValueKind = "object" | "array" | "scalar";
/** descend: walk into the container; assemble: build the whole value; skip: ignore it. */
export type WalkDecision = "descend" | "assemble" | "skip";

export interface JsonWalkHandler {
  enter(path: JsonPath, kind: JsonValueKind): WalkDecision;
  value(path: JsonPath, value: unknown): void;
}

interface Frame {
  readonly isArray: boolean;
  /** Current key (objects) or next index (arrays). */
  key: string | number;
}

export class JsonTokenWalker {
  private readonly frames: Frame[] = [];
  private assembler: Assembler | null = null;
  private assemblingPath: JsonPath = [];
  private skipDepth = 0;

  constructor(private readonly handler: JsonWalkHandler) {}

  /** True between top-level values: the document (or a JSONL line) has been fully seen. */
  get atTopLevel(): boolean {
    return this.frames.length === 0 && this.assembler === null && this.skipDepth === 0;
  }

  push(token: Token): void {
    if (this.assembler) {
      this.assembler.consume(token);
      if (this.assembler.done) this.finishAssembly(this.assembler.current);
      return;
    }
    if (this.skipDepth > 0) {
      if (token.name === "startObject" || token.name === "startArray") this.skipDepth += 1;
      else if (token.name === "endObject" || token.name === "endArray") this.skipDepth -= 1;
      return;
    }
    switch (token.name) {
      case "keyValue": {
        const frame = this.frames.at(-1);
        if (frame) frame.key = token.value;
        return;
      }
      case "endObject":
      case "endArray":
        this.frames.pop();
        return;
      case "startObject":
      case "startArray":
      case "stringValue":
      case "numberValue":
      case "nullValue":
      case "trueValue":
      case "falseValue":
        this.startValue(token);
        return;
      default:
        // Streamed chunks (startString, stringChunk…) are not requested from the parser.
        return;
    }
  }

  private startValue(token: Token): void {
    const path = this.frames.map((frame) => frame.key);
    const parent = this.frames.at(-1);
    if (parent?.isArray && typeof parent.key === "number") parent.key += 1;
    const kind: JsonValueKind =
      token.name === "startObject" ? "object" : token.name === "startArray" ? "array" : "scalar";
    const decision = this.handler.enter(path, kind);
    if (decision === "assemble") {
      this.assembler = new Assembler();
      this.assemblingPath = path;
      this.assembler.consume(token);
      if (this.assembler.done) this.finishAssembly(this.assembler.current);
    } else if (kind !== "scalar") {
      if (decision === "descend")
        this.frames.push({ isArray: kind === "array", key: kind === "array" ? 0 : "" });
      else this.skipDepth = 1;
    }
  }

  private finishAssembly(value: unknown): void {
    this.assembler = null;
    this.handler.value(this.assemblingPath, value);
  }
}

/** Path of an array element: the enclosing array's path plus an index. */
export function isElementOf(path: JsonPath, arrayPath: JsonPath): boolean {
  return (
    path.length === arrayPath.length + 1 && typeof path.at(-1) === "number" && startsWith(path, arrayPath)
  );
}

export function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && startsWith(a, b);
}

export function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => path[index] === part);
}

/** Where the records and the announced total sit in an envelope, e.g. `result.results`. */
export interface RecordLayout {
  /** Arrays whose elements are records; `[]` means a top-level array. */
  recordArrays: readonly JsonPath[];
  /** Number announcing the total (`result.count`, `resultSetSize`), if any. */
  totalAt?: JsonPath;
}

export type LayoutEvent =
  | { type: "record"; value: unknown }
  | { type: "total"; total: number }
  /** The record array itself was found (possibly empty): the document has the expected shape. */
  | { type: "records-start" };

/** A handler that emits records and the total for a layout, skipping everything else. */
export function layoutHandler(layout: RecordLayout, emit: (event: LayoutEvent) => void): JsonWalkHandler {
  const { recordArrays, totalAt } = layout;
  const interesting = totalAt ? [...recordArrays, totalAt] : recordArrays;
  return {
    enter(path, kind) {
      if (recordArrays.some((arrayPath) => isElementOf(path, arrayPath))) return "assemble";
      if (totalAt && kind === "scalar" && samePath(path, totalAt)) return "assemble";
      if (kind === "array" && recordArrays.some((arrayPath) => samePath(path, arrayPath))) {
        emit({ type: "records-start" });
        return "descend";
      }
      if (
        kind === "object" &&
        interesting.some((target) => target.length > path.length && startsWith(target, path))
      ) {
        return "descend";
      }
      return "skip";
    },
    value(path, value) {
      if (totalAt && samePath(path, totalAt)) {
        if (typeof value === "number" && Number.isFinite(value)) emit({ type: "total", total: value });
      } else {
        emit({ type: "record", value });
      }
    },
  };
}

/** A Transform from parser tokens to layout events, so records flow with stream backpressure. */
export class LayoutTransform extends Transform {
  private readonly walker: JsonTokenWalker;

  constructor(layout: RecordLayout) {
    super({ objectMode: true });
    this.walker = new JsonTokenWalker(layoutHandler(layout, (event) => this.push(event)));
  }

  override _transform(
    token: Token,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.walker.push(token);
    callback();
  }
}

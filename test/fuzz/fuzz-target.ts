/**
 * What a fuzz target is, what counts as a crash, and the two ways of running one: a vitest
 * property (fc.assert: stops at the first crash and shrinks it) and the bench's census
 * (every case runs; crashes are counted and the first few kept).
 */
import fc from "fast-check";

/**
 * One parser of outside input with the property it must keep. `check` returns normally when the
 * parser behaved (accepted the input, or refused it in its typed, friendly way) and throws
 * otherwise: an exception it did not mean to throw, a result of the wrong shape, or text for chat
 * that looks like a stack trace.
 */
export interface FuzzTarget<T = unknown> {
  /** "group: parser", e.g. "catalog: DCAT-US record". */
  name: string;
  arbitrary: fc.Arbitrary<T>;
  check(input: T): void | Promise<void>;
  /** Set-up before the cases, outside their timing (the route targets' crawl of the UI). */
  prepare?(): Promise<void>;
}

/** Erases the input type so targets of different inputs fit in one list. */
export function fuzzTarget<T>(target: FuzzTarget<T>): FuzzTarget {
  return target as unknown as FuzzTarget;
}

/** A broken property, as opposed to an exception the parser threw. */
export class FuzzViolation extends Error {
  override name = "FuzzViolation";
}

/** Runs `parse`; any exception it throws is a crash unless `expected` says it is a typed refusal. */
export async function mustNotThrow<R>(
  what: string,
  parse: () => R | Promise<R>,
  expected: (error: unknown) => boolean = () => false,
): Promise<R | undefined> {
  try {
    return await parse();
  } catch (error) {
    if (expected(error)) return undefined;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new FuzzViolation(`${what} threw ${detail.slice(0, 300)}`, { cause: error });
  }
}

// What leaked internals look like in text meant for people.
const STACK_TRACE_PATTERNS: readonly RegExp[] = [
  /^\s*at .+:\d+:\d+\)?\s*$/m,
  /\bat (?:async )?[\w$.<>[\] ]+ \((?:file:|node:|\/)[^)]*\)/,
  /\(node:[\w/]+:\d+(?::\d+)?\)/,
  /node_modules\//,
  /\/(?:src|test|dist)\/[\w/.-]+\.(?:ts|js|mjs|cjs):\d+/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|AggregateError|ZodError|PrismaClient\w*Error|DriverAdapterError)\b/,
  /\bInvalid `[\w.]+\(\)` invocation/,
  /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)\b/,
  /\[object Object\]/,
  /\bundefined is not\b|\bcannot read propert/i,
];

/**
 * Fails when `text` (something we would post to chat) shows a stack trace or an internal error
 * name. Patterns that were already in `input` are ignored: echoing what the person typed is fine.
 */
export function assertNoStackTrace(text: string, input: string, where: string): void {
  for (const pattern of STACK_TRACE_PATTERNS) {
    const found = pattern.exec(text);
    if (found && !input.includes(found[0].trim())) {
      throw new FuzzViolation(`${where} shows internals to chat: ${JSON.stringify(found[0].slice(0, 120))}`);
    }
  }
}

/**
 * A case slower than this is a crash too: catastrophic backtracking or a quadratic loop on
 * hostile input, which stalls the whole process (imports and chat share one event loop). It is
 * what Slack waits for an ack.
 */
export const SLOW_CASE_MS = 3_000;
/** An async case still running after this is abandoned as hung. */
const HUNG_CASE_MS = 30_000;

/** Runs one case; throws its crash, or a FuzzViolation when it hung or was too slow. */
export async function runCase<T>(target: FuzzTarget<T>, input: T): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new FuzzViolation(`no result after ${HUNG_CASE_MS} ms (hang?)`)),
      HUNG_CASE_MS,
    );
  });
  try {
    await Promise.race([Promise.resolve().then(() => target.check(input)), hung]);
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - started;
  // A synchronous stall cannot be interrupted, only measured afterwards.
  if (ms > SLOW_CASE_MS) throw new FuzzViolation(`took ${Math.round(ms)} ms (over ${SLOW_CASE_MS} ms)`);
  return ms;
}

export interface CensusOptions {
  cases: number;
  seed: number;
  /** How many crashes to keep (with their input) for the report. */
  keep?: number;
}

export interface CensusResult {
  name: string;
  cases: number;
  crashes: number;
  /** Distinct crash messages (first line), with how often each happened. */
  kinds: Map<string, number>;
  examples: { message: string; input: string }[];
  ms: number;
  slowestCaseMs: number;
}

function describeInput(input: unknown): string {
  const text = fc.stringify(input);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
}

/** Runs every case (in chunks, so huge inputs are not all held at once) and counts the crashes. */
export async function census(target: FuzzTarget, options: CensusOptions): Promise<CensusResult> {
  const keep = options.keep ?? 3;
  const result: CensusResult = {
    name: target.name,
    cases: 0,
    crashes: 0,
    kinds: new Map(),
    examples: [],
    ms: 0,
    slowestCaseMs: 0,
  };
  await target.prepare?.();
  const started = performance.now();
  const chunk = 250;
  for (let done = 0; done < options.cases; done += chunk) {
    const inputs = fc.sample(target.arbitrary, {
      numRuns: Math.min(chunk, options.cases - done),
      seed: options.seed + done,
    });
    for (const input of inputs) {
      const caseStarted = performance.now();
      try {
        await runCase(target, input);
      } catch (error) {
        result.crashes += 1;
        const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
        // Group by the message without the variable parts (numbers, quoted values).
        const kind = message.replace(/"[^"]*"|\d+/g, "…").slice(0, 160);
        result.kinds.set(kind, (result.kinds.get(kind) ?? 0) + 1);
        if (result.examples.length < keep) result.examples.push({ message, input: describeInput(input) });
      }
      result.slowestCaseMs = Math.max(result.slowestCaseMs, performance.now() - caseStarted);
      result.cases += 1;
    }
  }
  result.ms = performance.now() - started;
  return result;
}

/** The vitest form: fc.assert over `runs` cases (shrinks the first crash to a small input). */
export async function assertTarget(target: FuzzTarget, runs: number, seed?: number): Promise<void> {
  await target.prepare?.();
  await fc.assert(
    fc.asyncProperty(target.arbitrary, async (input) => {
      await runCase(target, input);
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
}

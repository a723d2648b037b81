import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/**
 * Real `datadesk` processes on one embedded data dir, as an operator runs them in two terminals:
 * a running `start` (the console bot) that the test types into, and CLI commands beside it.
 */

export function datadeskEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATADESK_DATA_DIR: dataDir, ...extra };
}

/**
 * How tests run `datadesk`: the TypeScript sources through tsx, so no build is needed and no stale
 * dist/ is ever tested. `bin/datadesk.js` runs the compiled code (test/e2e/release.test.ts).
 */
export const DATADESK_FROM_SOURCES = ["--import", "tsx", "src/cli/index.ts"];

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Which datadesk runs: the sources here by default, or e.g. a release's `bin/datadesk.js` in its own tree. */
export interface Launch {
  entry?: string[];
  cwd?: string;
}

/** One `datadesk` process with its output collected as it arrives. */
class DatadeskProcess {
  stdout = "";
  stderr = "";
  /** Resolves once the process exited and its output streams closed. */
  readonly closed: Promise<number | null>;
  protected readonly child: ChildProcessWithoutNullStreams;

  constructor(dataDir: string, args: string[], extraEnv: Record<string, string> = {}, launch: Launch = {}) {
    this.child = spawn(process.execPath, [...(launch.entry ?? DATADESK_FROM_SOURCES), ...args], {
      env: datadeskEnv(dataDir, extraEnv),
      stdio: ["pipe", "pipe", "pipe"],
      ...(launch.cwd ? { cwd: launch.cwd } : {}),
    });
    this.child.stdout.on("data", (c: Buffer) => {
      this.stdout += c.toString();
    });
    this.child.stderr.on("data", (c: Buffer) => {
      this.stderr += c.toString();
    });
    this.closed = new Promise((resolve) => this.child.once("close", (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Waits until `stream` (after `from`) shows `text`; returns the offset just past its start. */
  async waitFor(
    stream: "stdout" | "stderr",
    text: string | RegExp,
    from = 0,
    timeoutMs = 90_000,
  ): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this[stream].slice(from);
      const at = typeof text === "string" ? rest.indexOf(text) : rest.search(text);
      if (at >= 0) return from + at + 1;
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`never saw ${String(text)}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill9(): Promise<number | null> {
    this.child.kill("SIGKILL");
    return this.closed;
  }
}

/** A CLI command still running, whose progress (stderr) the test can watch. */
export class RunningCli extends DatadeskProcess {
  readonly done: Promise<CliResult>;

  constructor(dataDir: string, args: string[], timeoutMs = 90_000) {
    super(dataDir, args);
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs);
    this.done = this.closed.then((code) => {
      clearTimeout(timer);
      return { stdout: this.stdout, stderr: this.stderr, code: code ?? -1 };
    });
  }
}

export function runCli(dataDir: string, args: string[], timeoutMs = 90_000): Promise<CliResult> {
  return new RunningCli(dataDir, args, timeoutMs).done;
}

/** `datadesk start` on the console, typed into line by line. */
export class ConsoleBot extends DatadeskProcess {
  constructor(dataDir: string, extraEnv: Record<string, string> = {}, launch: Launch = {}) {
    super(dataDir, ["start"], extraEnv, launch);
  }

  get exited(): Promise<number | null> {
    return this.closed;
  }

  async ready(): Promise<void> {
    await this.waitFor("stdout", "datadesk console");
  }

  /** Types one line and returns where its answer starts in stdout. */
  type(line: string): number {
    const from = this.stdout.length;
    this.child.stdin.write(`${line}\n`);
    return from;
  }

  async ask(line: string, expected: string | RegExp): Promise<string> {
    const from = this.type(line);
    await this.waitFor("stdout", expected, from);
    return this.stdout.slice(from);
  }

  async quit(): Promise<number | null> {
    this.child.stdin.end("quit\n");
    return this.closed;
  }
}

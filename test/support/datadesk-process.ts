import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { promisify } from "node:util";

/**
 * Real `datadesk` processes on one embedded data dir, as an operator runs them in two terminals:
 * a running `start` (the console bot) that the test types into, and CLI commands beside it.
 */

const execFileAsync = promisify(execFile);

export function datadeskEnv(dataDir: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATADESK_DATA_DIR: dataDir };
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function runCli(dataDir: string, args: string[], timeoutMs = 90_000): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ["bin/datadesk.js", ...args], {
      env: datadeskEnv(dataDir),
      timeout: timeoutMs,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? "", stderr: e.stderr ?? "", code: typeof e.code === "number" ? e.code : -1 };
  }
}

export class ConsoleBot {
  stdout = "";
  stderr = "";
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(dataDir: string) {
    this.child = spawn(process.execPath, ["bin/datadesk.js", "start"], {
      env: datadeskEnv(dataDir),
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout.on("data", (c: Buffer) => {
      this.stdout += c.toString();
    });
    this.child.stderr.on("data", (c: Buffer) => {
      this.stderr += c.toString();
    });
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Waits until stdout (after `from`) shows `text`; returns the offset just past it. */
  async waitFor(text: string | RegExp, from = 0, timeoutMs = 90_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.stdout.slice(from);
      const at = typeof text === "string" ? rest.indexOf(text) : rest.search(text);
      if (at >= 0) return from + at + 1;
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `console never showed ${String(text)}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async ready(): Promise<void> {
    await this.waitFor("datadesk console");
  }

  /** Types one line and returns where its answer starts in stdout. */
  type(line: string): number {
    const from = this.stdout.length;
    this.child.stdin.write(`${line}\n`);
    return from;
  }

  async ask(line: string, expected: string | RegExp): Promise<string> {
    const from = this.type(line);
    await this.waitFor(expected, from);
    return this.stdout.slice(from);
  }

  async quit(): Promise<number | null> {
    this.child.stdin.end("quit\n");
    return this.exited;
  }

  kill9(): Promise<number | null> {
    this.child.kill("SIGKILL");
    return this.exited;
  }
}

/** A CLI command still running, whose progress (stderr) the test watches. */
export class RunningCli {
  stdout = "";
  stderr = "";
  readonly done: Promise<CliResult>;

  constructor(dataDir: string, args: string[]) {
    const child = spawn(process.execPath, ["bin/datadesk.js", ...args], { env: datadeskEnv(dataDir) });
    child.stdout.on("data", (c: Buffer) => {
      this.stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      this.stderr += c.toString();
    });
    this.done = new Promise((resolve) =>
      child.once("close", (code) => resolve({ stdout: this.stdout, stderr: this.stderr, code: code ?? -1 })),
    );
  }

  async waitForStderr(text: string | RegExp, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(typeof text === "string" ? this.stderr.includes(text) : text.test(this.stderr))) {
      if (Date.now() > deadline) throw new Error(`never saw ${String(text)} in:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

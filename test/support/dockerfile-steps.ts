import { readFileSync } from "node:fs";

/**
 * The steps of a multi-stage Dockerfile, read so a test can replay its build outside a container
 * (no container runtime or base image can be fetched here). Only what datadesk's Dockerfile uses:
 * FROM … AS, WORKDIR, ENV, COPY [--from=stage], RUN and an exec-form CMD.
 */
export type DockerStep =
  | { kind: "copy"; from: string | null; sources: string[]; dest: string }
  | { kind: "run"; command: string };

export interface DockerStage {
  name: string;
  workdir: string;
  env: Record<string, string>;
  steps: DockerStep[];
  cmd: string[] | null;
}

/** Instructions with their `\`-continued lines joined, comments and blank lines dropped. */
function instructions(text: string): string[] {
  const joined = text.replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

function parseEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) {
    const [, key = "", raw = ""] = match;
    env[key] = raw.replace(/^"|"$/g, "");
  }
  return env;
}

export function readDockerfile(path: string): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const line of instructions(readFileSync(path, "utf8"))) {
    const [keyword = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    const stage = stages.at(-1);
    if (keyword === "FROM") {
      const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length);
      stages.push({ name, workdir: "/", env: {}, steps: [], cmd: null });
      continue;
    }
    if (!stage) throw new Error(`${keyword} before FROM in ${path}`);
    if (keyword === "WORKDIR") stage.workdir = args;
    else if (keyword === "ENV") Object.assign(stage.env, parseEnv(args));
    else if (keyword === "RUN") stage.steps.push({ kind: "run", command: args });
    else if (keyword === "CMD") stage.cmd = JSON.parse(args) as string[];
    else if (keyword === "COPY") {
      const words = rest.filter((w) => !w.startsWith("--chown"));
      const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length) ?? null;
      const paths = words.filter((w) => !w.startsWith("--"));
      const dest = paths.pop();
      if (!dest || paths.length === 0) throw new Error(`COPY without source or destination: ${line}`);
      stage.steps.push({ kind: "copy", from, sources: paths, dest });
    }
    // USER, VOLUME, EXPOSE, HEALTHCHECK: what a container runtime does, not the build's files.
  }
  return stages;
}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread on one of our own modules. From the built package the module is plain
 * JavaScript; from the TypeScript sources (tests, `npm run datadesk`) the thread first registers
 * tsx, because a worker does not inherit the parent's loader.
 *
 * `sibling` is the module's file name without extension, resolved beside `from` (the caller's
 * `import.meta.url`), so the caller's own extension says which build is running.
 */
export function startModuleWorker(from: string, sibling: string, workerData: unknown): Worker {
  const fromSources = from.endsWith(".ts");
  const workerUrl = new URL(`./${sibling}.${fromSources ? "ts" : "js"}`, from);
  if (!fromSources) return new Worker(workerUrl, { workerData });
  const tsxApi = tsxEsmApiUrl(from);
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * `require.resolve` would pick tsx's CommonJS build, which cannot register the ESM hooks from a
 * worker, so the ESM entry is read from tsx's own exports map.
 */
function tsxEsmApiUrl(from: string): string {
  const manifestPath = createRequire(from).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: { "./esm/api": { import: { default: string } } };
  };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports["./esm/api"].import.default)).href;
}

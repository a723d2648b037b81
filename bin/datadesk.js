#!/usr/bin/env node
// Runs the compiled CLI that `npm run build` writes to dist/, so production needs neither tsx nor
// TypeScript. The sources run through `npm run datadesk -- …` (tsx) while developing.
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/index.js", import.meta.url);
if (!existsSync(entry)) {
  console.error(
    "datadesk: dist/ is missing. Run `npm run build` first, or `npm run datadesk -- <command>` to run the TypeScript sources.",
  );
  process.exit(1);
}
await import(entry.href);

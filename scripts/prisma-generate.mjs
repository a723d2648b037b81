// Runs `prisma generate` without needing Prisma's downloadable engines: the client we use
// (driver adapters, prisma-client generator) needs none, but the CLI checks for the schema
// engine unless PRISMA_SCHEMA_ENGINE_BINARY points somewhere. A placeholder is enough.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(tmpdir(), "datadesk-prisma");
  const placeholder = join(dir, "schema-engine-placeholder");
  if (!existsSync(placeholder)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      placeholder,
      "#!/bin/sh\necho 'placeholder: Prisma schema engine not installed' >&2\nexit 1\n",
    );
    chmodSync(placeholder, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);

import { rename, writeFile } from "node:fs/promises";
import { type ExportFormat, exportProblems } from "../core/problems/export-problems.js";
import type { CatalogCliContext } from "./catalog/catalog-cli-context.js";

/**
 * `datadesk export problems --format csv|json [--output file]`: the problem inventory as open
 * data (public fields only), to stdout or a file. The file is written whole or not at all.
 */
export async function exportProblemsCommand(
  ctx: Pick<CatalogCliContext, "deps" | "communityId" | "streams">,
  options: { format: ExportFormat; output?: string },
): Promise<void> {
  const body = await exportProblems(ctx.deps.problems, ctx.communityId, options.format);
  if (options.output) {
    const temporary = `${options.output}.${process.pid}.tmp`;
    await writeFile(temporary, body, "utf8");
    await rename(temporary, options.output);
    ctx.streams.stderr.write(`Wrote ${options.output}\n`);
    return;
  }
  ctx.streams.stdout.write(body);
}

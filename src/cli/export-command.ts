import { rename, writeFile } from "node:fs/promises";
import { exportAudit } from "../core/access/export-audit.js";
import { type ExportFormat, exportProblems } from "../core/problems/export-problems.js";
import type { CatalogCliContext } from "./catalog/catalog-cli-context.js";

type ExportContext = Pick<CatalogCliContext, "deps" | "communityId" | "streams">;
export interface ExportOptions {
  format: ExportFormat;
  output?: string;
}

/**
 * Writes an export to stdout, or to `output` whole or not at all (a temporary file renamed into
 * place). `private` files are readable by their owner only.
 */
async function writeExport(ctx: ExportContext, body: string, output: string | undefined, isPrivate: boolean) {
  if (!output) {
    ctx.streams.stdout.write(body);
    return;
  }
  const temporary = `${output}.${process.pid}.tmp`;
  await writeFile(temporary, body, { encoding: "utf8", ...(isPrivate ? { mode: 0o600 } : {}) });
  await rename(temporary, output);
  ctx.streams.stderr.write(`Wrote ${output}\n`);
}

/** `datadesk export problems`: the problem inventory as open data (public fields only). */
export async function exportProblemsCommand(ctx: ExportContext, options: ExportOptions): Promise<void> {
  await writeExport(
    ctx,
    await exportProblems(ctx.deps.problems, ctx.communityId, options.format),
    options.output,
    false,
  );
}

/**
 * `datadesk export audit`: a community's audit log (every access-request step, who, when, why,
 * from where) in append order. Unlike the problem export this names people: it is for the
 * community's governance, not open data, so its file is private.
 */
export async function exportAuditCommand(ctx: ExportContext, options: ExportOptions): Promise<void> {
  await writeExport(
    ctx,
    await exportAudit(ctx.deps.auditLog, ctx.communityId, options.format),
    options.output,
    true,
  );
}

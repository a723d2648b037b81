import { rename, writeFile } from "node:fs/promises";
import { exportAudit } from "../core/access/export-audit.js";
import type { ExportFormat } from "../core/problems/export-problems.js";
import type { CatalogCliContext } from "./catalog/catalog-cli-context.js";

/**
 * `datadesk export audit --format csv|json [--output file]`: a community's audit log (every
 * access-request step, who, when, why, from where) in append order, to stdout or a file. Unlike
 * the problem export this names people: it is for the community's governance, not open data.
 * The file is written whole or not at all.
 */
export async function exportAuditCommand(
  ctx: Pick<CatalogCliContext, "deps" | "communityId" | "streams">,
  options: { format: ExportFormat; output?: string },
): Promise<void> {
  const body = await exportAudit(ctx.deps.auditLog, ctx.communityId, options.format);
  if (options.output) {
    const temporary = `${options.output}.${process.pid}.tmp`;
    await writeFile(temporary, body, { encoding: "utf8", mode: 0o600 });
    await rename(temporary, options.output);
    ctx.streams.stderr.write(`Wrote ${options.output}\n`);
    return;
  }
  ctx.streams.stdout.write(body);
}

import { listMetadataGaps } from "../../core/catalog/list-metadata-gaps.js";
import { type CatalogCliContext, explainingDomainErrors } from "./catalog-cli-context.js";
import { formatTime } from "./catalog-cli-format.js";

/** `datadesk catalog gaps [--limit N]`: the metadata questions the catalog answered least. */
export async function catalogGapsCommand(
  ctx: CatalogCliContext,
  options: { limit?: number } = {},
): Promise<void> {
  const gaps = await explainingDomainErrors(async () =>
    listMetadataGaps(
      ctx.deps,
      options.limit !== undefined ? { limit: options.limit } : {},
      await ctx.operator(),
    ),
  );
  if (gaps.length === 0) {
    ctx.streams.stdout.write(
      "No metadata gaps yet: every question so far found its answer in the catalog.\n",
    );
    return;
  }
  const lines = gaps.map(
    (gap) =>
      `${String(gap.count).padStart(5)}×  ${gap.field.padEnd(16)}  ${gap.datasetTitle} (${gap.sourceName}, key ${gap.datasetKey}), last asked ${formatTime(gap.lastAskedAt)}`,
  );
  ctx.streams.stdout.write(`${lines.join("\n")}\n`);
}

import { listCatalogs } from "../../core/catalog/list-catalogs.js";
import type { CatalogCliContext } from "./catalog-cli-context.js";
import { formatListing } from "./catalog-cli-format.js";

/** `datadesk catalog list`: every catalog with its dataset count, last run and next resync. */
export async function catalogListCommand(ctx: CatalogCliContext): Promise<void> {
  const listings = await listCatalogs(ctx.deps, {
    communityId: ctx.communityId,
    defaultSyncIntervalMinutes: ctx.defaultSyncIntervalMinutes,
  });
  if (listings.length === 0) {
    ctx.streams.stdout.write(
      "There are no catalogs yet. Import one with: datadesk catalog import <file|url>\n",
    );
    return;
  }
  ctx.streams.stdout.write(listings.map(formatListing).join("\n"));
}

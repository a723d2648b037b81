import { removeCatalogSource } from "../../store/catalog/remove-catalog-source.js";
import { type CatalogCliContext, CatalogCliError } from "./catalog-cli-context.js";

/** `datadesk catalog remove <name>`: the catalog and its datasets go; a resync won't bring it back. */
export async function catalogRemoveCommand(ctx: CatalogCliContext, name: string): Promise<void> {
  const datasets = await removeCatalogSource(ctx.sql, ctx.communityId, name.trim());
  if (datasets === null) {
    throw new CatalogCliError(`There is no catalog named "${name}". See them with: datadesk catalog list`);
  }
  ctx.streams.stdout.write(`Removed the catalog "${name}" and its ${datasets} datasets.\n`);
}

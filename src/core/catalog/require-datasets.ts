import type { CatalogRecord } from "../ports/catalog-source.js";
import { DomainError } from "../shared/domain-error.js";

/**
 * Passes records through, and fails at the end if none of them was a valid dataset. Thrown
 * while the store is still reading, the error rolls the sync back: a JSON file that is not
 * really a catalog (read with a forced --kind) creates no empty catalog, and a portal that
 * suddenly serves nothing does not mark every dataset of an existing catalog as removed.
 */
export async function* requireDatasets(
  records: AsyncIterable<CatalogRecord>,
  location: string,
): AsyncGenerator<CatalogRecord> {
  let read = 0;
  let valid = 0;
  for await (const record of records) {
    read += 1;
    if (record.ok) valid += 1;
    yield record;
  }
  if (valid === 0) {
    throw new DomainError(
      "invalid_input",
      read === 0 ? "catalogAdmin:emptyCatalog" : "catalogAdmin:noValidDatasets",
      { location, read },
    );
  }
}

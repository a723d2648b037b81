-- A resync recognises a record it has imported before by the hash of the bytes it was read from
-- (with the format, portal and normalisation version, see src/catalog-sources/source-hash.ts),
-- so it neither validates nor normalises it again: that was most of a 300k-dataset resync's time.
-- Null until a dataset is next synced; the stage carries the hash of every record it stages.

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN "sourceHash" TEXT;

-- AlterTable
ALTER TABLE "CatalogSyncStage" ADD COLUMN "sourceHash" TEXT;

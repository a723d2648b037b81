-- A catalog sync reads and compares its records into this staging table in small committed
-- batches, then applies only what changed in one short transaction. The long part of a resync
-- no longer holds a transaction open, so the embedded store (one PGlite session, taken in turns)
-- keeps answering chat while a large catalog resyncs, and the previous catalog stays intact
-- until the final merge commits. Rows belong to one sync (stageId) and are deleted by it; rows
-- left by a killed process are swept by the next sync after a day.

-- CreateTable
CREATE TABLE "CatalogSyncStage" (
    "stageId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "payload" JSONB,
    "stagedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogSyncStage_pkey" PRIMARY KEY ("stageId","key")
);

-- CreateIndex
CREATE INDEX "CatalogSyncStage_stagedAt_idx" ON "CatalogSyncStage"("stagedAt");

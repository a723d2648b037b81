-- One notice row per person and sync run instead of one per watch, run and dataset: a large sync
-- with popular topic watches wrote millions of rows to remember who had been told. The old rows
-- only ever served deduplication of runs already told, so they are not carried over.

-- DropTable
DROP TABLE "WatchNotice";

-- CreateTable
CREATE TABLE "WatchRunNotice" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "changes" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchRunNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WatchRunNotice_personId_runId_key" ON "WatchRunNotice"("personId", "runId");

-- CreateIndex
CREATE INDEX "WatchRunNotice_runId_idx" ON "WatchRunNotice"("runId");

-- CreateIndex
CREATE INDEX "WatchRunNotice_createdAt_idx" ON "WatchRunNotice"("createdAt");

-- AddForeignKey
ALTER TABLE "WatchRunNotice" ADD CONSTRAINT "WatchRunNotice_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Demand meets supply: people watch datasets, topics and saved words, and are told what a sync
-- changed; each added or updated dataset is matched against open problems for the champions.

-- CreateEnum
CREATE TYPE "WatchKind" AS ENUM ('dataset', 'topic', 'words');

-- CreateEnum
CREATE TYPE "WatchCadence" AS ENUM ('immediate', 'weekly');

-- CreateEnum
CREATE TYPE "DataMatchState" AS ENUM ('suggested', 'linked', 'rejected');

-- What changed in an updated dataset (modified, formats, license, description), set by the sync writer.
ALTER TABLE "SyncRunChange" ADD COLUMN "fields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Watch" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "WatchKind" NOT NULL,
    "datasetId" UUID,
    "target" TEXT NOT NULL,
    "cadence" "WatchCadence" NOT NULL DEFAULT 'immediate',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchNotice" (
    "id" UUID NOT NULL,
    "watchId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "change" TEXT NOT NULL,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "WatchNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataMatch" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "runId" UUID,
    "score" DOUBLE PRECISION NOT NULL,
    "state" "DataMatchState" NOT NULL DEFAULT 'suggested',
    "decidedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DataMatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Watch_personId_communityId_kind_target_key" ON "Watch"("personId", "communityId", "kind", "target");

-- CreateIndex
CREATE INDEX "Watch_datasetId_idx" ON "Watch"("datasetId");

-- CreateIndex
CREATE INDEX "Watch_communityId_kind_idx" ON "Watch"("communityId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "WatchNotice_watchId_runId_datasetId_key" ON "WatchNotice"("watchId", "runId", "datasetId");

-- CreateIndex
CREATE INDEX "WatchNotice_personId_sentAt_idx" ON "WatchNotice"("personId", "sentAt");

-- CreateIndex
CREATE INDEX "WatchNotice_runId_idx" ON "WatchNotice"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "DataMatch_problemId_datasetId_key" ON "DataMatch"("problemId", "datasetId");

-- CreateIndex
CREATE INDEX "DataMatch_datasetId_idx" ON "DataMatch"("datasetId");

-- CreateIndex
CREATE INDEX "DataMatch_runId_idx" ON "DataMatch"("runId");

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchNotice" ADD CONSTRAINT "WatchNotice_watchId_fkey" FOREIGN KEY ("watchId") REFERENCES "Watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchNotice" ADD CONSTRAINT "WatchNotice_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchNotice" ADD CONSTRAINT "WatchNotice_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataMatch" ADD CONSTRAINT "DataMatch_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataMatch" ADD CONSTRAINT "DataMatch_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataMatch" ADD CONSTRAINT "DataMatch_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataMatch" ADD CONSTRAINT "DataMatch_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

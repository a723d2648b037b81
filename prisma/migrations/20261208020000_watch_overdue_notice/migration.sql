-- Watchers are told once per overdue spell when a watched dataset lapses past its own update
-- frequency: one row per person, dataset and the day the spell began.

-- CreateTable
CREATE TABLE "WatchOverdueNotice" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "overdueFrom" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchOverdueNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WatchOverdueNotice_personId_datasetId_overdueFrom_key" ON "WatchOverdueNotice"("personId", "datasetId", "overdueFrom");

-- CreateIndex
CREATE INDEX "WatchOverdueNotice_datasetId_idx" ON "WatchOverdueNotice"("datasetId");

-- CreateIndex
CREATE INDEX "WatchOverdueNotice_createdAt_idx" ON "WatchOverdueNotice"("createdAt");

-- AddForeignKey
ALTER TABLE "WatchOverdueNotice" ADD CONSTRAINT "WatchOverdueNotice_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Showcases: finished community projects, reviewed by a champion and published to every
-- connected platform's showcase channel, linked to the datasets they used and the problems
-- they address.

-- CreateEnum
CREATE TYPE "ShowcaseKind" AS ENUM ('app', 'visualisation', 'story', 'research', 'event');
CREATE TYPE "ShowcaseStatus" AS ENUM ('pending_review', 'changes_requested', 'rejected', 'published', 'withdrawn');

-- CreateTable
CREATE TABLE "Showcase" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "imageUrl" TEXT,
    "team" TEXT NOT NULL,
    "kind" "ShowcaseKind" NOT NULL,
    "status" "ShowcaseStatus" NOT NULL DEFAULT 'pending_review',
    "submitterId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "reviewerId" UUID,
    "reviewNote" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Showcase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShowcaseDataset" (
    "id" UUID NOT NULL,
    "showcaseId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,

    CONSTRAINT "ShowcaseDataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShowcaseProblem" (
    "id" UUID NOT NULL,
    "showcaseId" UUID NOT NULL,
    "problemId" UUID NOT NULL,

    CONSTRAINT "ShowcaseProblem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Showcase_communityId_number_key" ON "Showcase"("communityId", "number");

-- CreateIndex
CREATE INDEX "Showcase_communityId_status_publishedAt_idx" ON "Showcase"("communityId", "status", "publishedAt");

-- CreateIndex
CREATE INDEX "Showcase_submitterId_idx" ON "Showcase"("submitterId");

-- CreateIndex
CREATE INDEX "ShowcaseDataset_datasetId_idx" ON "ShowcaseDataset"("datasetId");

-- CreateIndex
CREATE UNIQUE INDEX "ShowcaseDataset_showcaseId_datasetId_key" ON "ShowcaseDataset"("showcaseId", "datasetId");

-- CreateIndex
CREATE INDEX "ShowcaseProblem_problemId_idx" ON "ShowcaseProblem"("problemId");

-- CreateIndex
CREATE UNIQUE INDEX "ShowcaseProblem_showcaseId_problemId_key" ON "ShowcaseProblem"("showcaseId", "problemId");

-- AddForeignKey
ALTER TABLE "Showcase" ADD CONSTRAINT "Showcase_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Showcase" ADD CONSTRAINT "Showcase_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Showcase" ADD CONSTRAINT "Showcase_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseDataset" ADD CONSTRAINT "ShowcaseDataset_showcaseId_fkey" FOREIGN KEY ("showcaseId") REFERENCES "Showcase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseDataset" ADD CONSTRAINT "ShowcaseDataset_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseProblem" ADD CONSTRAINT "ShowcaseProblem_showcaseId_fkey" FOREIGN KEY ("showcaseId") REFERENCES "Showcase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseProblem" ADD CONSTRAINT "ShowcaseProblem_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

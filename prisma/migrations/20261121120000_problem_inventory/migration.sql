-- Problem inventory: problems with their votes, followers, history and linked datasets; where
-- anchored posts landed (edits in place); account-link codes; form drafts; community topics,
-- settings and channels; when each platform account was last seen.

-- CreateEnum
CREATE TYPE "ProblemStatus" AS ENUM ('new', 'needs_info', 'accepted', 'in_progress', 'solved', 'declined', 'duplicate');
CREATE TYPE "DeclineReason" AS ENUM ('already_exists', 'planned_release', 'available_elsewhere', 'out_of_scope', 'withdrawn');
CREATE TYPE "ProblemEventKind" AS ENUM ('submitted', 'status_changed', 'info_requested', 'info_provided', 'dataset_linked', 'assigned', 'hidden', 'unhidden', 'merged_into', 'merged_from');

-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "topics" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "CommunityPlatform" ADD COLUMN     "problemChannelId" TEXT,
ADD COLUMN     "triageChannelId" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "anchorKey" TEXT,
ADD COLUMN     "anchorVersion" INTEGER;

-- AlterTable
ALTER TABLE "PlatformAccount" ADD COLUMN     "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "Problem" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "affected" TEXT NOT NULL,
    "place" TEXT,
    "topic" TEXT,
    "anonymous" BOOLEAN NOT NULL,
    "submitterId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "status" "ProblemStatus" NOT NULL DEFAULT 'new',
    "declineReason" "DeclineReason",
    "declineDetail" TEXT,
    "duplicateOfId" UUID,
    "assigneeId" UUID,
    "hiddenAt" TIMESTAMPTZ(3),
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "cardVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemVote" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemFollower" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemFollower_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemEvent" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "kind" "ProblemEventKind" NOT NULL,
    "actorId" UUID,
    "fromStatus" "ProblemStatus",
    "toStatus" "ProblemStatus",
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemDataset" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemDataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostedMessage" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "anchorKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountLinkCode" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountLinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormDraft" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "formId" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Problem_communityId_status_idx" ON "Problem"("communityId", "status");

-- CreateIndex
CREATE INDEX "Problem_submitterId_idx" ON "Problem"("submitterId");

-- CreateIndex
CREATE INDEX "Problem_title_trgm_idx" ON "Problem" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Problem_communityId_number_key" ON "Problem"("communityId", "number");

-- CreateIndex
CREATE INDEX "ProblemVote_personId_idx" ON "ProblemVote"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemVote_problemId_personId_key" ON "ProblemVote"("problemId", "personId");

-- CreateIndex
CREATE INDEX "ProblemFollower_personId_idx" ON "ProblemFollower"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemFollower_problemId_personId_key" ON "ProblemFollower"("problemId", "personId");

-- CreateIndex
CREATE INDEX "ProblemEvent_problemId_createdAt_idx" ON "ProblemEvent"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemDataset_datasetId_idx" ON "ProblemDataset"("datasetId");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemDataset_problemId_datasetId_key" ON "ProblemDataset"("problemId", "datasetId");

-- CreateIndex
CREATE UNIQUE INDEX "PostedMessage_platform_anchorKey_key" ON "PostedMessage"("platform", "anchorKey");

-- CreateIndex
CREATE UNIQUE INDEX "AccountLinkCode_code_key" ON "AccountLinkCode"("code");

-- CreateIndex
CREATE INDEX "AccountLinkCode_personId_idx" ON "AccountLinkCode"("personId");

-- CreateIndex
CREATE INDEX "FormDraft_personId_idx" ON "FormDraft"("personId");

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemVote" ADD CONSTRAINT "ProblemVote_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemVote" ADD CONSTRAINT "ProblemVote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemFollower" ADD CONSTRAINT "ProblemFollower_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemFollower" ADD CONSTRAINT "ProblemFollower_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemEvent" ADD CONSTRAINT "ProblemEvent_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemEvent" ADD CONSTRAINT "ProblemEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemDataset" ADD CONSTRAINT "ProblemDataset_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemDataset" ADD CONSTRAINT "ProblemDataset_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountLinkCode" ADD CONSTRAINT "AccountLinkCode_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

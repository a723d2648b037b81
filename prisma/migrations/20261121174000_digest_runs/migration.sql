-- Weekly digests: one row per community, target and ISO week claims the digest (exactly once
-- across restarts and replicas: whoever inserts it enqueues the outbox message in the same
-- transaction), and people's personal DM digest settings.

-- CreateEnum
CREATE TYPE "DigestRunOutcome" AS ENUM ('sent', 'skipped');

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "target" TEXT NOT NULL,
    "isoWeek" TEXT NOT NULL,
    "outcome" "DigestRunOutcome" NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sections" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_communityId_target_isoWeek_key" ON "DigestRun"("communityId", "target", "isoWeek");

-- CreateIndex
CREATE INDEX "DigestSubscription_communityId_enabled_idx" ON "DigestSubscription"("communityId", "enabled");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_personId_communityId_key" ON "DigestSubscription"("personId", "communityId");

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestSubscription" ADD CONSTRAINT "DigestSubscription_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestSubscription" ADD CONSTRAINT "DigestSubscription_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

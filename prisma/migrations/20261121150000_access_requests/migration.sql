-- Access requests: requests routed to a dataset's stewards with once-only marks for the SLA job,
-- stewards named per dataset, members' emails (catalog-contact routing), and the append-only
-- audit log.

-- CreateEnum
CREATE TYPE "AccessStatus" AS ENUM ('pending', 'needs_info', 'approved', 'denied', 'withdrawn', 'resolved_public', 'expired');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('submitted', 'routed', 'info_requested', 'info_provided', 'approved', 'denied', 'withdrawn', 'decision_refused', 'reminded', 'escalated', 'still_waiting', 'expiry_notified', 'expired', 'auto_resolved');

-- AlterTable
ALTER TABLE "PlatformAccount" ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "datasetId" UUID NOT NULL,
    "datasetTitle" TEXT NOT NULL,
    "datasetLandingPage" TEXT,
    "requesterId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "communityLocale" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "status" "AccessStatus" NOT NULL DEFAULT 'pending',
    "open" BOOLEAN DEFAULT true,
    "routes" JSONB NOT NULL DEFAULT '[]',
    "decision" JSONB,
    "messages" JSONB NOT NULL DEFAULT '[]',
    "grantExpiresAt" TIMESTAMPTZ(3),
    "waitingSince" TIMESTAMPTZ(3) NOT NULL,
    "slaRound" INTEGER NOT NULL DEFAULT 0,
    "cardVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRequestMark" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessRequestMark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "communityId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" UUID,
    "actorName" TEXT,
    "platform" "Platform",
    "action" "AuditAction" NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "subjectRef" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetSteward" (
    "id" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetSteward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessRequest_status_waitingSince_idx" ON "AccessRequest"("status", "waitingSince");

-- CreateIndex
CREATE INDEX "AccessRequest_status_grantExpiresAt_idx" ON "AccessRequest"("status", "grantExpiresAt");

-- CreateIndex
CREATE INDEX "AccessRequest_requesterId_idx" ON "AccessRequest"("requesterId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequest_communityId_number_key" ON "AccessRequest"("communityId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequest_communityId_requesterId_datasetId_open_key" ON "AccessRequest"("communityId", "requesterId", "datasetId", "open");

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequestMark_requestId_key_key" ON "AccessRequestMark"("requestId", "key");

-- CreateIndex
CREATE INDEX "AuditEntry_communityId_seq_idx" ON "AuditEntry"("communityId", "seq");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectId_idx" ON "AuditEntry"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_seq_key" ON "AuditEntry"("seq");

-- CreateIndex
CREATE INDEX "DatasetSteward_personId_idx" ON "DatasetSteward"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetSteward_datasetId_personId_key" ON "DatasetSteward"("datasetId", "personId");

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestMark" ADD CONSTRAINT "AccessRequestMark_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetSteward" ADD CONSTRAINT "DatasetSteward_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetSteward" ADD CONSTRAINT "DatasetSteward_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: the application never changes or removes an entry, and this
-- trigger makes sure nothing else does either (a bug, a stray query). Prisma cannot express it.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only: % is not allowed', TG_OP;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();

CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();

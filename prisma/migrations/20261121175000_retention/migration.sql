-- Retention: a closed access request's personal data is purged after DATADESK_RETENTION_DAYS,
-- keeping the request's skeleton (number, dataset, status, dates) and its whole audit trail.
-- The audit log stays append-only (its trigger is untouched): the personal text of an access
-- request's entries (free text, the requester's name) is written encrypted under a key kept on
-- the request, and the purge forgets the key, so that text can never be read again.

-- AlterEnum (a new value is appended; nothing in this migration uses it, so one transaction is fine)
ALTER TYPE "AuditAction" ADD VALUE 'purged';

-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN "auditKey" BYTEA,
ADD COLUMN "purgedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "AccessRequest_purgedAt_status_updatedAt_idx" ON "AccessRequest"("purgedAt", "status", "updatedAt");

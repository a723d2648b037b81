-- Stale triage: a problem nobody triaged within the community's window is raised to the on-call
-- champion once. The mark is set by compare-and-set in the transaction that enqueues the
-- reminder, so two replicas (or a retried run) never remind twice.

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN "staleRemindedAt" TIMESTAMPTZ(3);

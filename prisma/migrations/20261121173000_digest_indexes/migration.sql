-- The weekly digest reads a week of activity out of a community's whole history (100k problems,
-- 1M votes): each section starts from the week's rows through one of these time indexes, so a
-- digest costs what the week holds, not what the community ever did.

-- CreateIndex
CREATE INDEX "Problem_communityId_createdAt_idx" ON "Problem"("communityId", "createdAt");

-- CreateIndex: votes cast in a window, grouped by problem from the index alone.
CREATE INDEX "ProblemVote_createdAt_problemId_idx" ON "ProblemVote"("createdAt", "problemId");

-- CreateIndex: status changes and first responses in a window.
CREATE INDEX "ProblemEvent_kind_createdAt_idx" ON "ProblemEvent"("kind", "createdAt");

-- CreateIndex: datasets linked to problems in a window.
CREATE INDEX "ProblemDataset_createdAt_idx" ON "ProblemDataset"("createdAt");

-- CreateIndex: metadata gaps asked about in a window.
CREATE INDEX "MetadataGap_lastAskedAt_idx" ON "MetadataGap"("lastAskedAt");

-- CreateIndex: access decisions and first responses in a window.
CREATE INDEX "AuditEntry_communityId_at_idx" ON "AuditEntry"("communityId", "at");

-- Overdue datasets: the first day (UTC, as catalogs state days) a dataset is overdue by its accrual
-- periodicity (src/core/catalog/freshness.ts: one period after `modified`, plus a grace of a day or
-- a fifth of the period), kept by a trigger so the digest counts and lists overdue datasets from an
-- index instead of parsing every dataset's periodicity (300k datasets: seconds). NULL when unknown
-- or removed.
-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN "overdueFrom" DATE;

CREATE FUNCTION "dataset_overdue_from"("modified" TIMESTAMPTZ, "periodicity" TEXT) RETURNS DATE AS $$
DECLARE
  p TEXT := regexp_replace(upper(btrim("periodicity")), 'T$', '');
  due DATE;
BEGIN
  IF "modified" IS NULL OR p IS NULL OR p = 'R/P'
     OR p !~ '^R/P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$' THEN
    RETURN NULL;
  END IF;
  due := (("modified" AT TIME ZONE 'UTC') + substr(p, 3)::interval)::date;
  RETURN due + greatest(1, round((due - ("modified" AT TIME ZONE 'UTC')::date) / 5.0))::int + 1;
END
$$ LANGUAGE plpgsql IMMUTABLE;

CREATE FUNCTION "dataset_set_overdue_from"() RETURNS trigger AS $$
BEGIN
  NEW."overdueFrom" := CASE WHEN NEW."removedAt" IS NULL
    THEN "dataset_overdue_from"(NEW."modified", NEW."accrualPeriodicity") END;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Dataset_overdue_from_trg"
  BEFORE INSERT OR UPDATE OF "modified", "accrualPeriodicity", "removedAt"
  ON "Dataset" FOR EACH ROW EXECUTE FUNCTION "dataset_set_overdue_from"();

UPDATE "Dataset" SET "overdueFrom" = "dataset_overdue_from"("modified", "accrualPeriodicity")
 WHERE "removedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Dataset_sourceId_overdueFrom_idx" ON "Dataset"("sourceId", "overdueFrom");

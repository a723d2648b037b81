-- datadesk initial schema: communities, people, platform accounts, memberships, idempotency,
-- outbox, and the catalog (sources, datasets, usage notes, metadata gaps, sync runs).

CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('slack', 'discord', 'console');
CREATE TYPE "Role" AS ENUM ('member', 'champion', 'steward', 'admin');
CREATE TYPE "ChampionLevel" AS ENUM ('executive', 'internal', 'external');
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'dead');
CREATE TYPE "CatalogKind" AS ENUM ('dcat', 'ckan', 'socrata');
CREATE TYPE "SyncStatus" AS ENUM ('running', 'succeeded', 'failed');
CREATE TYPE "DatasetChange" AS ENUM ('added', 'updated', 'removed');

-- CreateTable
CREATE TABLE "Community" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CommunityPlatform" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityPlatform_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PlatformAccount" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "displayName" TEXT,
    "locale" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformAccount_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "roles" "Role"[] DEFAULT ARRAY['member']::"Role"[],
    "championLevel" "ChampionLevel",
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProcessedEvent" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "eventId" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "communityId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "target" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CatalogSource" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CatalogKind" NOT NULL,
    "location" TEXT NOT NULL,
    "syncIntervalMinutes" INTEGER,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogSource_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Dataset" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "descriptionText" TEXT NOT NULL,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "publisher" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "licenseId" TEXT,
    "licenseTitle" TEXT,
    "licenseUrl" TEXT,
    "issued" TIMESTAMPTZ(3),
    "modified" TIMESTAMPTZ(3),
    "accrualPeriodicity" TEXT,
    "accessLevel" TEXT NOT NULL DEFAULT 'public',
    "landingPage" TEXT,
    "distributions" JSONB NOT NULL DEFAULT '[]',
    "columns" JSONB NOT NULL DEFAULT '[]',
    "extras" JSONB NOT NULL DEFAULT '{}',
    "sourceUsageNotes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "usageNotesText" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL,
    "search" tsvector,
    "removedAt" TIMESTAMPTZ(3),
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DatasetUsageNote" (
    "id" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "authorPersonId" UUID,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetUsageNote_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MetadataGap" (
    "id" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAskedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetadataGap_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SyncRun" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "added" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "skippedReport" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SyncRunChange" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "change" "DatasetChange" NOT NULL,

    CONSTRAINT "SyncRunChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Community_slug_key" ON "Community"("slug");
CREATE INDEX "CommunityPlatform_communityId_idx" ON "CommunityPlatform"("communityId");
CREATE UNIQUE INDEX "CommunityPlatform_platform_workspaceId_key" ON "CommunityPlatform"("platform", "workspaceId");
CREATE INDEX "PlatformAccount_personId_idx" ON "PlatformAccount"("personId");
CREATE UNIQUE INDEX "PlatformAccount_platform_workspaceId_userId_key" ON "PlatformAccount"("platform", "workspaceId", "userId");
CREATE INDEX "Membership_personId_idx" ON "Membership"("personId");
CREATE UNIQUE INDEX "Membership_communityId_personId_key" ON "Membership"("communityId", "personId");
CREATE INDEX "ProcessedEvent_processedAt_idx" ON "ProcessedEvent"("processedAt");
CREATE UNIQUE INDEX "ProcessedEvent_platform_eventId_key" ON "ProcessedEvent"("platform", "eventId");
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE UNIQUE INDEX "CatalogSource_communityId_name_key" ON "CatalogSource"("communityId", "name");
CREATE INDEX "Dataset_search_idx" ON "Dataset" USING GIN ("search");
CREATE INDEX "Dataset_title_trgm_idx" ON "Dataset" USING GIN ("title" gin_trgm_ops);
CREATE UNIQUE INDEX "Dataset_sourceId_key_key" ON "Dataset"("sourceId", "key");
CREATE INDEX "DatasetUsageNote_datasetId_idx" ON "DatasetUsageNote"("datasetId");
CREATE UNIQUE INDEX "MetadataGap_datasetId_field_key" ON "MetadataGap"("datasetId", "field");
CREATE INDEX "SyncRun_sourceId_startedAt_idx" ON "SyncRun"("sourceId", "startedAt");
CREATE INDEX "SyncRunChange_datasetId_idx" ON "SyncRunChange"("datasetId");
CREATE UNIQUE INDEX "SyncRunChange_runId_datasetId_key" ON "SyncRunChange"("runId", "datasetId");

-- AddForeignKey
ALTER TABLE "CommunityPlatform" ADD CONSTRAINT "CommunityPlatform_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PlatformAccount" ADD CONSTRAINT "PlatformAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CatalogSource" ADD CONSTRAINT "CatalogSource_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CatalogSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DatasetUsageNote" ADD CONSTRAINT "DatasetUsageNote_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MetadataGap" ADD CONSTRAINT "MetadataGap_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CatalogSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SyncRunChange" ADD CONSTRAINT "SyncRunChange_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SyncRunChange" ADD CONSTRAINT "SyncRunChange_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search vector: title weighs most, then keywords/themes, then description, usage notes and
-- column names. A trigger (not a generated column) because Prisma cannot express generated
-- columns and the vector reads array columns through array_to_string.
CREATE FUNCTION "dataset_search_vector"() RETURNS trigger AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', array_to_string(NEW."keywords", ' ') || ' ' || array_to_string(NEW."themes", ' ')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."descriptionText", '') || ' ' || coalesce(NEW."usageNotesText", '') || ' ' || array_to_string(NEW."sourceUsageNotes", ' ')), 'C') ||
    setweight(to_tsvector('english', coalesce(NEW."publisher", '') || ' ' || coalesce((SELECT string_agg(c->>'name', ' ') FROM jsonb_array_elements(NEW."columns") AS c), '')), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Dataset_search_vector_trg"
  BEFORE INSERT OR UPDATE OF "title", "keywords", "themes", "descriptionText", "usageNotesText", "sourceUsageNotes", "publisher", "columns"
  ON "Dataset" FOR EACH ROW EXECUTE FUNCTION "dataset_search_vector"();

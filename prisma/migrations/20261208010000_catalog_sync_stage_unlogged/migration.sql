-- The stage holds each record for minutes at most and is never read after a crash (a killed
-- sync's rows are swept): writing it to the WAL, and compressing its payloads and vectors on
-- the way in only to decompress them in the merge, was work a 300k-dataset import paid twice
-- for every record. Unlogged, it is emptied by a crash restart, which costs a sync in progress
-- nothing it would not lose anyway (its merge had not committed).

ALTER TABLE "CatalogSyncStage" SET UNLOGGED;

ALTER TABLE "CatalogSyncStage" ALTER COLUMN "payload" SET STORAGE EXTERNAL,
  ALTER COLUMN "search" SET STORAGE EXTERNAL,
  ALTER COLUMN "searchHead" SET STORAGE EXTERNAL;

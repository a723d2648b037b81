-- The head of the search vector: title (weight A) and keywords/themes (B) alone. Short enough to
-- stay inline (never compressed or TOASTed), so ranking thousands of answer candidates reads
-- little; the full vector is read only for the few finalists.

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "searchHead" tsvector;

-- The trigger now fills both vectors; "search" is the head plus description, usage notes (C)
-- and publisher and column names (D), exactly as before.
CREATE OR REPLACE FUNCTION "dataset_search_vector"() RETURNS trigger AS $$
BEGIN
  NEW."searchHead" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', array_to_string(NEW."keywords", ' ') || ' ' || array_to_string(NEW."themes", ' ')), 'B');
  NEW."search" :=
    NEW."searchHead" ||
    setweight(to_tsvector('english', coalesce(NEW."descriptionText", '') || ' ' || coalesce(NEW."usageNotesText", '') || ' ' || array_to_string(NEW."sourceUsageNotes", ' ')), 'C') ||
    setweight(to_tsvector('english', coalesce(NEW."publisher", '') || ' ' || coalesce((SELECT string_agg(c->>'name', ' ') FROM jsonb_array_elements(NEW."columns") AS c), '')), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- Existing rows (the update does not touch the trigger's columns, so "search" stays as it is).
UPDATE "Dataset" SET "searchHead" =
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', array_to_string("keywords", ' ') || ' ' || array_to_string("themes", ' ')), 'B');

import type {
  DatasetRef,
  UsageNote,
  UsageNoteKind,
  UsageNoteStore,
} from "../../core/ports/usage-note-store.js";
import type { SqlExecutor } from "../sql-executor.js";

interface NoteRow extends Record<string, unknown> {
  id: string;
  datasetId: string;
  authorPersonId: string | null;
  kind: string;
  text: string;
  createdAt: Date;
}

/**
 * Tiers of a dataset reference (see UsageNoteStore.findDatasets); only the best tier that
 * matches is returned. A full scan of one community's current datasets: a lookup per typed
 * command or keystroke, over thousands of rows, not a search engine.
 */
const FIND_DATASETS = `
SELECT "id", "key", "title", "sourceName" FROM (
  SELECT m.*, min(m."tier") OVER () AS "best" FROM (
    SELECT d."id", d."key", d."title", s."name" AS "sourceName",
      CASE WHEN d."key" = $2 THEN 1
           WHEN right(d."key", length($2) + 1) = '/' || $2 THEN 2
           WHEN lower(d."title") = lower($2) THEN 3
           WHEN strpos(lower(d."title"), lower($2)) > 0 THEN 4 END AS "tier"
    FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
    WHERE s."communityId" = $1::uuid AND d."removedAt" IS NULL
  ) m WHERE m."tier" IS NOT NULL
) ranked WHERE "tier" = "best" ORDER BY "title", "key" LIMIT $3`;

function toNote(row: NoteRow): UsageNote {
  return {
    id: row.id,
    datasetId: row.datasetId,
    authorPersonId: row.authorPersonId,
    kind: row.kind as UsageNoteKind,
    text: row.text,
    createdAt: row.createdAt,
  };
}

export class SqlUsageNoteStore implements UsageNoteStore {
  constructor(private readonly sql: SqlExecutor) {}

  async findDatasets(communityId: string, reference: string, limit: number): Promise<DatasetRef[]> {
    const typed = reference.trim();
    if (typed === "") return [];
    return this.sql.query<DatasetRef & Record<string, unknown>>(FIND_DATASETS, [communityId, typed, limit]);
  }

  async addUsageNote(note: Omit<UsageNote, "id">): Promise<UsageNote> {
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query<NoteRow>(
        `INSERT INTO "DatasetUsageNote" ("id", "datasetId", "authorPersonId", "kind", "text", "createdAt")
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5::timestamptz)
         RETURNING "id", "datasetId", "authorPersonId", "kind", "text", "createdAt"`,
        [note.datasetId, note.authorPersonId, note.kind, note.text, note.createdAt.toISOString()],
      );
      if (!row) throw new Error("the usage note was not stored");
      // The search trigger fires on "usageNotesText", so the new note is searchable on commit.
      await tx.query(
        `UPDATE "Dataset" SET "usageNotesText" = coalesce((
           SELECT string_agg("text", E'\\n' ORDER BY "createdAt", "id") FROM "DatasetUsageNote" WHERE "datasetId" = $1::uuid
         ), '') WHERE "id" = $1::uuid`,
        [note.datasetId],
      );
      return toNote(row);
    });
  }

  async notesFor(datasetId: string): Promise<UsageNote[]> {
    const rows = await this.sql.query<NoteRow>(
      `SELECT "id", "datasetId", "authorPersonId", "kind", "text", "createdAt" FROM "DatasetUsageNote"
        WHERE "datasetId" = $1::uuid ORDER BY "createdAt", "id"`,
      [datasetId],
    );
    return rows.map(toNote);
  }
}

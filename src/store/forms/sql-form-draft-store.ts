import type { FormDraft, FormDraftStore } from "../../core/ports/form-drafts.js";
import { formValuesSchema } from "../../core/shared/form.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";

const COLUMNS = `"id", "personId", "formId", "context", "values", "createdAt"`;

function toDraft(row: Record<string, unknown>): FormDraft {
  return {
    id: String(row.id),
    personId: String(row.personId),
    formId: String(row.formId),
    context: String(row.context),
    values: formValuesSchema.parse(row.values),
    createdAt: row.createdAt as Date,
  };
}

/**
 * Form drafts in the FormDraft table. A draft id comes back from a platform (a button value, a
 * form context), so anything that is not a uuid is simply unknown; `take` deletes and returns in
 * one statement, so two clicks cannot both get the draft.
 */
export class SqlFormDraftStore implements FormDraftStore {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async save(draft: Omit<FormDraft, "id" | "createdAt">, at: Date): Promise<FormDraft> {
    const [row] = await this.sql.query(
      `INSERT INTO "FormDraft" (${COLUMNS}) VALUES ($1::uuid, $2::uuid, $3, $4, $5::jsonb, $6::timestamptz)
       RETURNING ${COLUMNS}`,
      [
        timeOrderedId(),
        draft.personId,
        draft.formId,
        draft.context,
        JSON.stringify(formValuesSchema.parse(draft.values)),
        at.toISOString(),
      ],
    );
    if (!row) throw new Error("the form draft was not stored");
    return toDraft(row);
  }

  async get(id: string, personId: string): Promise<FormDraft | null> {
    if (!isUuid(id) || !isUuid(personId)) return null;
    const [row] = await this.sql.query(
      `SELECT ${COLUMNS} FROM "FormDraft" WHERE "id" = $1::uuid AND "personId" = $2::uuid`,
      [id, personId],
    );
    return row ? toDraft(row) : null;
  }

  async take(id: string, personId: string): Promise<FormDraft | null> {
    if (!isUuid(id) || !isUuid(personId)) return null;
    const [row] = await this.sql.query(
      `DELETE FROM "FormDraft" WHERE "id" = $1::uuid AND "personId" = $2::uuid RETURNING ${COLUMNS}`,
      [id, personId],
    );
    return row ? toDraft(row) : null;
  }
}

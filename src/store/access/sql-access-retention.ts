import { CHECKLIST_FORM_ID, DETAILS_FORM_ID } from "../../core/access/access-form.js";
import { type AccessRequest, openAccessStatuses } from "../../core/access/access-request.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid } from "../time-ordered-id.js";
import { ACCESS_REQUEST_SELECT, toAccessRequest } from "./access-request-row.js";

/**
 * Retention of access requests in SQL (the two AccessRequestStore methods the retention job
 * uses). Closed means not pending or needs_info; an approved grant counts from its end.
 */
type Query = Pick<SqlExecutor, "query">;

const OPEN = `ARRAY[${openAccessStatuses.map((s) => `'${s}'`).join(", ")}]::"AccessStatus"[]`;

/**
 * What retention erases from the request row: the free text of its details (the shape stays, so
 * a purged request still reads as a request), every question and answer, the decision's words.
 */
const ERASE_PERSONAL_COLUMNS = `
  "details" = jsonb_set("details" || '{"purpose": "", "intendedUse": "", "organisation": ""}'::jsonb,
                        '{checklist,retentionPlan}', '""'::jsonb),
  "messages" = '[]'::jsonb,
  "decision" = CASE WHEN "decision" IS NULL THEN NULL
                    ELSE "decision" || '{"conditions": null, "reason": null}'::jsonb END`;

export async function closedUnpurged(sql: Query, closedBy: Date, limit: number): Promise<AccessRequest[]> {
  const rows = await sql.query(
    `${ACCESS_REQUEST_SELECT}
      WHERE r."purgedAt" IS NULL AND NOT (r."status" = ANY(${OPEN})) AND r."updatedAt" <= $1::timestamptz
        AND (r."grantExpiresAt" IS NULL OR r."grantExpiresAt" <= $1::timestamptz)
      ORDER BY r."updatedAt", r."id" LIMIT $2`,
    [closedBy.toISOString(), limit],
  );
  return rows.map(toAccessRequest);
}

export async function purgePersonalData(sql: Query, id: string, at: Date): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [row] = await sql.query<{ requesterId: string; closedAt: string }>(
    `UPDATE "AccessRequest" SET ${ERASE_PERSONAL_COLUMNS}, "purgedAt" = $2::timestamptz
      WHERE "id" = $1::uuid AND "purgedAt" IS NULL AND NOT ("status" = ANY(${OPEN}))
      RETURNING "requesterId"::text AS "requesterId", to_json("updatedAt")#>>'{}' AS "closedAt"`,
    [id, at.toISOString()],
  );
  if (!row) return false;
  await sql.query(`DELETE FROM "AccessRequestMark" WHERE "requestId" = $1::uuid`, [id]);
  // Every message about a request is keyed "access:<id>:…" (review cards, DMs, notes to deciders).
  await sql.query(`DELETE FROM "OutboxMessage" WHERE "dedupeKey" LIKE $1`, [`access:${id}:%`]);
  // Forms the requester left half-filled before it closed (a new request's draft is newer).
  await sql.query(
    `DELETE FROM "FormDraft" WHERE "personId" = $1::uuid AND "formId" IN ($2, $3) AND "createdAt" <= $4::timestamptz`,
    [row.requesterId, DETAILS_FORM_ID, CHECKLIST_FORM_ID, row.closedAt],
  );
  return true;
}

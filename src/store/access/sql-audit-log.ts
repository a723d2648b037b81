import { z } from "zod";
import {
  type AuditEntry,
  type AuditLog,
  auditActions,
  auditSubjectTypes,
  impersonalAuditFacts,
  type NewAuditEntry,
} from "../../core/ports/audit-log.js";
import { platformSchema } from "../../core/shared/platform.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";
import { isSealed, newAuditKey, openAuditText, sealAuditText } from "./audit-text.js";

const COLUMNS = `a."id", a."seq"::text AS "seq", a."communityId", a."at", a."actorId", a."actorName",
  a."platform"::text AS "platform", a."action"::text AS "action", a."subjectType", a."subjectId", a."subjectRef",
  a."reason", a."details"`;

const auditRowSchema = z.object({
  id: z.string(),
  // bigserial comes back as text (both drivers would otherwise differ); entries never reach 2^53.
  seq: z.coerce.number().int(),
  communityId: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  platform: platformSchema.nullable(),
  action: z.enum(auditActions),
  subjectType: z.enum(auditSubjectTypes),
  subjectId: z.string(),
  subjectRef: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.string()),
});

const keyColumnsSchema = z.object({
  auditKey: z.instanceof(Uint8Array).nullable(),
  requesterId: z.string().nullable(),
});

/** An entry as read: personal text opened with its request's key, or PURGED_TEXT once forgotten. */
function toEntry(row: Record<string, unknown>): AuditEntry {
  const entry = auditRowSchema.parse(row);
  const { auditKey } = keyColumnsSchema.parse({ auditKey: null, requesterId: null, ...row });
  const nameSealed = entry.actorName !== null && isSealed(entry.actorName);
  return {
    ...entry,
    details: Object.fromEntries(
      Object.entries(entry.details).map(([fact, value]) => [
        fact,
        openAuditText(auditKey, value, `${entry.id}:details:${fact}`),
      ]),
    ),
    reason: entry.reason === null ? null : openAuditText(auditKey, entry.reason, `${entry.id}:reason`),
    actorName:
      entry.actorName === null ? null : openAuditText(auditKey, entry.actorName, `${entry.id}:actorName`),
    // A sealed name is the requester's: once forgotten, their id goes from what is read too.
    actorId: nameSealed && !auditKey ? null : entry.actorId,
  };
}

/**
 * The audit log in Postgres/PGlite. Only INSERT and SELECT on it here; the table's trigger refuses
 * UPDATE, DELETE and TRUNCATE from anyone. Personal text of access requests is sealed (see
 * audit-text.ts), so retention can make it unreadable without touching an entry. Order is the bigserial "seq", which follows commit
 * of the inserting statement, not the clock.
 */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const id = timeOrderedId();
    const personal = await this.sealPersonalText(id, entry);
    const [row] = await this.sql.query(
      `INSERT INTO "AuditEntry" AS a ("id", "communityId", "at", "actorId", "actorName", "platform", "action",
                                 "subjectType", "subjectId", "subjectRef", "reason", "details")
       VALUES ($1::uuid, $2::uuid, $3::timestamptz, $4::uuid, $5, $6::"Platform", $7::"AuditAction", $8, $9::uuid,
               $10, $11, $12::jsonb)
       RETURNING ${COLUMNS}`,
      [
        id,
        entry.communityId,
        entry.at.toISOString(),
        entry.actorId,
        personal.actorName,
        entry.platform,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.subjectRef,
        personal.reason,
        JSON.stringify(personal.details),
      ],
    );
    if (!row) throw new Error("audit entry was not stored");
    // The caller wrote the text; it gets back what it wrote, not the sealed form.
    return {
      ...auditRowSchema.parse(row),
      reason: entry.reason,
      actorName: entry.actorName,
      details: { ...entry.details },
    };
  }

  /**
   * An access request's free text, and the requester's own name, are sealed under the request's
   * key (made on first use, in the same transaction as the entry). A request already purged gets a
   * key nobody keeps: anything written about it afterwards is born forgotten.
   */
  private async sealPersonalText(
    id: string,
    entry: NewAuditEntry,
  ): Promise<Pick<NewAuditEntry, "reason" | "actorName" | "details">> {
    const plain = { reason: entry.reason, actorName: entry.actorName, details: entry.details };
    if (entry.subjectType !== "access_request" || !isUuid(entry.subjectId)) return plain;
    const personalFacts = Object.keys(entry.details).filter((fact) => !impersonalAuditFacts.includes(fact));
    if (entry.reason === null && entry.actorName === null && personalFacts.length === 0) return plain;
    const [request] = await this.sql.query(
      `UPDATE "AccessRequest" SET "auditKey" = CASE WHEN "purgedAt" IS NULL THEN COALESCE("auditKey", $2::bytea) END
        WHERE "id" = $1::uuid RETURNING "auditKey", "requesterId"::text AS "requesterId"`,
      [entry.subjectId, newAuditKey()],
    );
    if (!request) return plain;
    const { auditKey, requesterId } = keyColumnsSchema.parse(request);
    const key = auditKey ?? newAuditKey();
    return {
      details: Object.fromEntries(
        Object.entries(entry.details).map(([fact, value]) => [
          fact,
          personalFacts.includes(fact) ? sealAuditText(key, value, `${id}:details:${fact}`) : value,
        ]),
      ),
      reason: entry.reason === null ? null : sealAuditText(key, entry.reason, `${id}:reason`),
      actorName:
        entry.actorName !== null && entry.actorId !== null && entry.actorId === requesterId
          ? sealAuditText(key, entry.actorName, `${id}:actorName`)
          : entry.actorName,
    };
  }

  async list(communityId: string, filter: { subjectId?: string } = {}): Promise<AuditEntry[]> {
    if (!isUuid(communityId)) return [];
    if (filter.subjectId !== undefined && !isUuid(filter.subjectId)) return [];
    const rows = await this.sql.query(
      `SELECT ${COLUMNS}, r."auditKey"
         FROM "AuditEntry" a
         LEFT JOIN "AccessRequest" r ON a."subjectType" = 'access_request' AND r."id" = a."subjectId"
        WHERE a."communityId" = $1::uuid AND ($2::uuid IS NULL OR a."subjectId" = $2::uuid) ORDER BY a."seq"`,
      [communityId, filter.subjectId ?? null],
    );
    return rows.map(toEntry);
  }

  async forgetPersonalText(subjectId: string, _personId: string): Promise<void> {
    // The requester is known from the request itself: their sealed name is what marks their entries.
    if (!isUuid(subjectId)) return;
    await this.sql.query(`UPDATE "AccessRequest" SET "auditKey" = NULL WHERE "id" = $1::uuid`, [subjectId]);
  }
}

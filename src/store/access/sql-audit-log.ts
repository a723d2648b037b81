import { z } from "zod";
import {
  type AuditEntry,
  type AuditLog,
  auditActions,
  auditSubjectTypes,
  type NewAuditEntry,
} from "../../core/ports/audit-log.js";
import { platformSchema } from "../../core/shared/platform.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";

const COLUMNS = `"id", "seq"::text AS "seq", "communityId", "at", "actorId", "actorName", "platform"::text AS "platform",
  "action"::text AS "action", "subjectType", "subjectId", "subjectRef", "reason", "details"`;

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

function toEntry(row: Record<string, unknown>): AuditEntry {
  return auditRowSchema.parse(row);
}

/**
 * The audit log in Postgres/PGlite. Only INSERT and SELECT here; the table's trigger refuses
 * UPDATE, DELETE and TRUNCATE from anyone. Order is the bigserial "seq", which follows commit
 * of the inserting statement, not the clock.
 */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const [row] = await this.sql.query(
      `INSERT INTO "AuditEntry" ("id", "communityId", "at", "actorId", "actorName", "platform", "action",
                                 "subjectType", "subjectId", "subjectRef", "reason", "details")
       VALUES ($1::uuid, $2::uuid, $3::timestamptz, $4::uuid, $5, $6::"Platform", $7::"AuditAction", $8, $9::uuid,
               $10, $11, $12::jsonb)
       RETURNING ${COLUMNS}`,
      [
        timeOrderedId(),
        entry.communityId,
        entry.at.toISOString(),
        entry.actorId,
        entry.actorName,
        entry.platform,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.subjectRef,
        entry.reason,
        JSON.stringify(entry.details),
      ],
    );
    if (!row) throw new Error("audit entry was not stored");
    return toEntry(row);
  }

  async list(communityId: string, filter: { subjectId?: string } = {}): Promise<AuditEntry[]> {
    if (!isUuid(communityId)) return [];
    if (filter.subjectId !== undefined && !isUuid(filter.subjectId)) return [];
    const rows = await this.sql.query(
      `SELECT ${COLUMNS} FROM "AuditEntry"
        WHERE "communityId" = $1::uuid AND ($2::uuid IS NULL OR "subjectId" = $2::uuid) ORDER BY "seq"`,
      [communityId, filter.subjectId ?? null],
    );
    return rows.map(toEntry);
  }
}

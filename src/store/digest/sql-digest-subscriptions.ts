import { z } from "zod";
import { digestSectionKeys } from "../../core/digest/digest-types.js";
import type { DigestSubscription, DigestSubscriptionStore } from "../../core/ports/digest-subscriptions.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";

const COLUMNS = `"personId", "communityId", "enabled", "sections", "updatedAt"`;

// A section a later version dropped is left out rather than failing the whole digest.
const sectionsSchema = z
  .array(z.string())
  .transform((values) => digestSectionKeys.filter((key) => values.includes(key)));

function toSubscription(row: Record<string, unknown>): DigestSubscription {
  return {
    personId: String(row.personId),
    communityId: String(row.communityId),
    enabled: row.enabled === true,
    sections: sectionsSchema.parse(row.sections ?? []),
    updatedAt: row.updatedAt as Date,
  };
}

/** DigestSubscription rows: one per person and community, replaced whole on save. */
export class SqlDigestSubscriptionStore implements DigestSubscriptionStore {
  constructor(private readonly sql: Pick<SqlExecutor, "query">) {}

  async get(personId: string, communityId: string): Promise<DigestSubscription | null> {
    if (!isUuid(personId) || !isUuid(communityId)) return null;
    const [row] = await this.sql.query(
      `SELECT ${COLUMNS} FROM "DigestSubscription" WHERE "personId" = $1::uuid AND "communityId" = $2::uuid`,
      [personId, communityId],
    );
    return row ? toSubscription(row) : null;
  }

  async save(settings: Omit<DigestSubscription, "updatedAt">, at: Date): Promise<DigestSubscription> {
    const sections = sectionsSchema.parse(settings.sections);
    const [row] = await this.sql.query(
      `INSERT INTO "DigestSubscription" ("id", "personId", "communityId", "enabled", "sections", "createdAt", "updatedAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::text[], $6::timestamptz, $6::timestamptz)
       ON CONFLICT ("personId", "communityId")
         DO UPDATE SET "enabled" = EXCLUDED."enabled", "sections" = EXCLUDED."sections", "updatedAt" = EXCLUDED."updatedAt"
       RETURNING ${COLUMNS}`,
      [
        timeOrderedId(),
        settings.personId,
        settings.communityId,
        settings.enabled,
        sections,
        at.toISOString(),
      ],
    );
    if (!row) throw new Error("the digest settings were not stored");
    return toSubscription(row);
  }

  async enabledIn(communityId: string): Promise<DigestSubscription[]> {
    if (!isUuid(communityId)) return [];
    const rows = await this.sql.query(
      `SELECT ${COLUMNS} FROM "DigestSubscription"
       WHERE "communityId" = $1::uuid AND "enabled" ORDER BY "createdAt", "personId"`,
      [communityId],
    );
    return rows.map(toSubscription);
  }
}

import type { AccessRequest, RouteLevel, RouteStep } from "../../core/access/access-request.js";
import { canTransitionAccess, openAccessStatuses } from "../../core/access/access-request.js";
import type {
  AccessListQuery,
  AccessRequestStore,
  AccessStatusChange,
  NewAccessRequest,
} from "../../core/access/ports.js";
import type { SqlExecutor } from "../sql-executor.js";
import { isUuid, timeOrderedId } from "../time-ordered-id.js";
import { ACCESS_REQUEST_SELECT, toAccessRequest } from "./access-request-row.js";
import { closedUnpurged, purgePersonalData } from "./sql-access-retention.js";

type Query = Pick<SqlExecutor, "query">;
/** A pool (create opens its own transaction) or a transaction already (the unit of work). */
export type AccessSql = Query & Partial<Pick<SqlExecutor, "transaction">>;

const OPEN = `ARRAY[${openAccessStatuses.map((s) => `'${s}'`).join(", ")}]::"AccessStatus"[]`;

/**
 * Access requests in Postgres/PGlite through raw SQL. Numbers are taken under a transaction-scoped
 * advisory lock on the community (as for problems); one open request per requester and dataset is
 * enforced by a unique index over the "open" flag; status changes and reroutes are
 * compare-and-set in one UPDATE, so a double click or a retried event changes nothing.
 */
export class SqlAccessRequestStore implements AccessRequestStore {
  constructor(private readonly sql: AccessSql) {}

  private atomically<T>(fn: (tx: Query) => Promise<T>): Promise<T> {
    return this.sql.transaction ? this.sql.transaction(fn) : fn(this.sql);
  }

  async create(request: NewAccessRequest, at: Date): Promise<AccessRequest> {
    return this.atomically(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('access-number:' || $1::text, 0))`, [
        request.communityId,
      ]);
      const id = timeOrderedId();
      await tx.query(
        `INSERT INTO "AccessRequest" ("id", "communityId", "number", "datasetId", "datasetTitle", "datasetLandingPage",
                                      "requesterId", "platform", "communityLocale", "details", "routes",
                                      "waitingSince", "createdAt", "updatedAt")
         SELECT $1::uuid, $2::uuid, coalesce(max("number"), 0) + 1, $3::uuid, $4, $5, $6::uuid, $7::"Platform",
                $8, $9::jsonb, $10::jsonb, $11::timestamptz, $11::timestamptz, $11::timestamptz
           FROM "AccessRequest" WHERE "communityId" = $2::uuid`,
        [
          id,
          request.communityId,
          request.dataset.id,
          request.dataset.title,
          request.dataset.landingPage,
          request.requesterId,
          request.platform,
          request.communityLocale,
          JSON.stringify(request.details),
          JSON.stringify([request.route]),
          at.toISOString(),
        ],
      );
      return fetchById(tx, id);
    });
  }

  async byId(id: string): Promise<AccessRequest | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.sql.query(`${ACCESS_REQUEST_SELECT} WHERE r."id" = $1::uuid`, [id]);
    return row ? toAccessRequest(row) : null;
  }

  async openFor(communityId: string, requesterId: string, datasetId: string): Promise<AccessRequest | null> {
    if (![communityId, requesterId, datasetId].every(isUuid)) return null;
    const [row] = await this.sql.query(
      `${ACCESS_REQUEST_SELECT} WHERE r."communityId" = $1::uuid AND r."requesterId" = $2::uuid
          AND r."datasetId" = $3::uuid AND r."status" = ANY(${OPEN}) LIMIT 1`,
      [communityId, requesterId, datasetId],
    );
    return row ? toAccessRequest(row) : null;
  }

  async list(query: AccessListQuery): Promise<AccessRequest[]> {
    if (!isUuid(query.communityId)) return [];
    if (query.requesterId !== undefined && !isUuid(query.requesterId)) return [];
    const rows = await this.sql.query(
      `${ACCESS_REQUEST_SELECT} WHERE r."communityId" = $1::uuid
          AND ($2::uuid IS NULL OR r."requesterId" = $2::uuid)
          AND ($3::text[] IS NULL OR r."status"::text = ANY($3::text[]))
        ORDER BY r."number" DESC LIMIT $4`,
      [
        query.communityId,
        query.requesterId ?? null,
        query.statuses ? [...query.statuses] : null,
        query.limit,
      ],
    );
    return rows.map(toAccessRequest);
  }

  async changeStatus(id: string, change: AccessStatusChange): Promise<AccessRequest | null> {
    if (!isUuid(id) || !canTransitionAccess(change.from, change.to)) return null;
    const message = change.message ? [{ ...change.message, at: change.at }] : [];
    const stillOpen = openAccessStatuses.includes(change.to);
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE "AccessRequest" SET
              "status" = $3::"AccessStatus",
              "open" = CASE WHEN $4::boolean THEN true ELSE NULL END,
              "decision" = coalesce($5::jsonb, "decision"),
              "grantExpiresAt" = coalesce($6::timestamptz, "grantExpiresAt"),
              "messages" = "messages" || $7::jsonb,
              "waitingSince" = CASE WHEN $8::boolean THEN $9::timestamptz ELSE "waitingSince" END,
              "slaRound" = "slaRound" + CASE WHEN $8::boolean THEN 1 ELSE 0 END,
              "cardVersion" = "cardVersion" + 1,
              "updatedAt" = $9::timestamptz
        WHERE "id" = $1::uuid AND "status" = $2::"AccessStatus"
        RETURNING "id"`,
      [
        id,
        change.from,
        change.to,
        stillOpen,
        change.decision ? JSON.stringify(change.decision) : null,
        change.grantExpiresAt?.toISOString() ?? null,
        JSON.stringify(message),
        change.restartClock === true,
        change.at.toISOString(),
      ],
    );
    return rows.length > 0 ? fetchById(this.sql, id) : null;
  }

  async reroute(
    id: string,
    change: { fromLevel: RouteLevel; route: RouteStep; at: Date },
  ): Promise<AccessRequest | null> {
    if (!isUuid(id)) return null;
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE "AccessRequest" SET
              "routes" = "routes" || jsonb_build_array($3::jsonb),
              "waitingSince" = $4::timestamptz,
              "slaRound" = "slaRound" + 1,
              "cardVersion" = "cardVersion" + 1,
              "updatedAt" = $4::timestamptz
        WHERE "id" = $1::uuid AND "status" = 'pending'
          AND "routes" -> (jsonb_array_length("routes") - 1) ->> 'level' = $2
        RETURNING "id"`,
      [id, change.fromLevel, JSON.stringify(change.route), change.at.toISOString()],
    );
    return rows.length > 0 ? fetchById(this.sql, id) : null;
  }

  async markOnce(id: string, key: string, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.sql.query(
      `INSERT INTO "AccessRequestMark" ("id", "requestId", "key", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz) ON CONFLICT DO NOTHING RETURNING "id"`,
      [timeOrderedId(), id, key, at.toISOString()],
    );
    return rows.length > 0;
  }

  async waitingSince(before: Date): Promise<AccessRequest[]> {
    const rows = await this.sql.query(
      `${ACCESS_REQUEST_SELECT} WHERE r."status" = 'pending' AND r."waitingSince" <= $1::timestamptz
        ORDER BY r."waitingSince", r."id"`,
      [before.toISOString()],
    );
    return rows.map(toAccessRequest);
  }

  async grantsEndingBy(before: Date): Promise<AccessRequest[]> {
    const rows = await this.sql.query(
      `${ACCESS_REQUEST_SELECT} WHERE r."status" = 'approved' AND r."grantExpiresAt" <= $1::timestamptz
        ORDER BY r."grantExpiresAt", r."id"`,
      [before.toISOString()],
    );
    return rows.map(toAccessRequest);
  }

  async openForDatasets(communityId: string, datasetIds: readonly string[]): Promise<AccessRequest[]> {
    const ids = datasetIds.filter(isUuid);
    if (!isUuid(communityId) || ids.length === 0) return [];
    const rows = await this.sql.query(
      `${ACCESS_REQUEST_SELECT} WHERE r."communityId" = $1::uuid AND r."datasetId" = ANY($2::uuid[])
          AND r."status" = ANY(${OPEN}) ORDER BY r."number"`,
      [communityId, ids],
    );
    return rows.map(toAccessRequest);
  }

  closedUnpurged(closedBy: Date, limit: number): Promise<AccessRequest[]> {
    return closedUnpurged(this.sql, closedBy, limit);
  }

  purgePersonalData(id: string, at: Date): Promise<boolean> {
    return this.atomically((tx) => purgePersonalData(tx, id, at));
  }
}

async function fetchById(sql: Query, id: string): Promise<AccessRequest> {
  const [row] = await sql.query(`${ACCESS_REQUEST_SELECT} WHERE r."id" = $1::uuid`, [id]);
  if (!row) throw new Error(`access request ${id} vanished`);
  return toAccessRequest(row);
}

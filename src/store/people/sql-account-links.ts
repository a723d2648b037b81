import type { AccountLinks } from "../../core/ports/account-links.js";
import type { SqlExecutor } from "../sql-executor.js";
import { timeOrderedId } from "../time-ordered-id.js";
import { mergePerson } from "./merge-person.js";

/**
 * Account-link codes in AccountLinkCode. Redeeming locks the code row, so two redemptions of one
 * code cannot both merge, and merges the two people in the same transaction.
 */
export class SqlAccountLinks implements AccountLinks {
  constructor(private readonly sql: Pick<SqlExecutor, "transaction">) {}

  async issue(personId: string, code: string, expiresAt: Date): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(`DELETE FROM "AccountLinkCode" WHERE "personId" = $1::uuid AND "usedAt" IS NULL`, [
        personId,
      ]);
      await tx.query(
        `INSERT INTO "AccountLinkCode" ("id", "code", "personId", "expiresAt") VALUES ($1::uuid, $2, $3::uuid, $4::timestamptz)`,
        [timeOrderedId(), code, personId, expiresAt.toISOString()],
      );
    });
  }

  async redeem(code: string, personId: string, now: Date) {
    return this.sql.transaction(async (tx) => {
      const [stored] = await tx.query<{ personId: string; expiresAt: Date; usedAt: Date | null }>(
        `SELECT "personId", "expiresAt", "usedAt" FROM "AccountLinkCode" WHERE "code" = $1 FOR UPDATE`,
        [code],
      );
      if (!stored || stored.usedAt !== null) return { status: "unknown" as const };
      if (stored.expiresAt.getTime() <= now.getTime()) return { status: "expired" as const };
      if (stored.personId === personId) return { status: "same_person" as const };
      await tx.query(`UPDATE "AccountLinkCode" SET "usedAt" = $2::timestamptz WHERE "code" = $1`, [
        code,
        now.toISOString(),
      ]);
      await mergePerson(tx, personId, stored.personId);
      return { status: "linked" as const, intoPersonId: stored.personId };
    });
  }
}

import { type Platform, platformSchema } from "../core/shared/platform.js";
import { type AccountMatch, SqlCommunityAdmin } from "../store/community/sql-community-admin.js";
import { type CatalogCliContext, CatalogCliError } from "./catalog/catalog-cli-context.js";

/** What `datadesk community …` and `datadesk role …` run against: one community, chosen by slug. */
export interface OperatorCliContext {
  ctx: Pick<CatalogCliContext, "deps" | "streams">;
  admin: SqlCommunityAdmin;
  communityId: string;
  slug: string;
}

export async function operatorCliContext(
  ctx: Pick<CatalogCliContext, "deps" | "streams" | "sql" | "communityId">,
  slug: string | undefined,
): Promise<OperatorCliContext> {
  const admin = new SqlCommunityAdmin(ctx.sql);
  if (slug === undefined) return { ctx, admin, communityId: ctx.communityId, slug: "default" };
  const communityId = await admin.communityIdBySlug(slug);
  if (!communityId) throw new CatalogCliError(`There is no community "${slug}".`);
  return { ctx, admin, communityId, slug };
}

/**
 * `<platform>:<userId>` or, when one Slack user id exists in several workspaces,
 * `<platform>:<workspaceId>/<userId>`, resolved to the one person behind it. The person must have
 * talked to datadesk once (that is when their account is created).
 */
export async function resolveAccount(admin: SqlCommunityAdmin, reference: string): Promise<AccountMatch> {
  const match = /^([a-z]+):(?:([^/\s]+)\/)?(\S+)$/.exec(reference.trim());
  const platform = platformSchema.safeParse(match?.[1]);
  if (!match || !platform.success) {
    throw new CatalogCliError(
      `"${reference}" is not an account. Write <platform>:<userId>, e.g. slack:U012ABC or discord:80351110224678912.`,
    );
  }
  const userId = match[3] ?? "";
  const workspaceId = platform.data === "discord" ? undefined : match[2];
  const accounts = await admin.findAccounts(platform.data as Platform, userId, workspaceId);
  if (accounts.length === 0) {
    throw new CatalogCliError(
      `Nobody is known as ${reference} yet. They need to talk to datadesk once (e.g. /datadesk help) first.`,
    );
  }
  if (accounts.length > 1) {
    const options = accounts.map((a) => `${a.platform}:${a.workspaceId}/${a.userId}`).join(", ");
    throw new CatalogCliError(`${reference} is known in several workspaces; name one: ${options}.`);
  }
  return accounts[0] as AccountMatch;
}

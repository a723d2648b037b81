import type { Command } from "commander";
import { grantRole, type RoleChange, revokeRole } from "../core/community/role-change.js";
import { type ChampionLevel, championLevels, type Role, roles } from "../core/people/roles.js";
import type { AccountMatch } from "../store/community/sql-community-admin.js";
import { CatalogCliError } from "./catalog/catalog-cli-context.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import { type OperatorCliContext, operatorCliContext, resolveAccount } from "./operator-cli-context.js";
import { runCliCommand } from "./run-cli-command.js";

export interface RoleCliOptions {
  /** Comma-separated topics ("Transport,Housing"). */
  topics?: string;
  /** Champions only: executive, internal or external. */
  level?: string;
  /** Why, kept in the audit log. */
  reason?: string;
  community?: string;
}

/** Role changes from the terminal are audited as the operator's: no person, no platform. */
const OPERATOR = { personId: null, name: "operator (terminal)", platform: null } as const;

function parseLevel(role: Role, value: string | undefined): ChampionLevel | undefined {
  if (value === undefined) return undefined;
  const level = championLevels.find((known) => known === value.trim().toLowerCase());
  if (!level || role !== "champion") {
    throw new CatalogCliError(`--level is for champions only: ${championLevels.join(", ")}.`);
  }
  return level;
}

function roleChange(
  op: OperatorCliContext,
  person: AccountMatch,
  role: Exclude<Role, "member">,
  options: RoleCliOptions,
  extra: Partial<RoleChange>,
): RoleChange {
  return {
    communityId: op.communityId,
    actor: OPERATOR,
    target: { personId: person.personId, displayName: person.displayName },
    role,
    reason: options.reason?.trim() || null,
    at: op.ctx.deps.clock.now(),
    ...extra,
  };
}

function parseRole(value: string): Role {
  const role = roles.find((known) => known === value.trim().toLowerCase());
  if (!role) throw new CatalogCliError(`"${value}" is not a role. Roles: ${roles.join(", ")}.`);
  return role;
}

export function parseTopicList(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((topic) => topic.trim())
        .filter((topic) => topic !== ""),
    ),
  ];
}

function describe(
  name: string,
  account: string,
  slug: string,
  view: { roles: Role[]; topics: string[] },
): string {
  const topics = view.topics.length > 0 ? `; topics: ${view.topics.join(", ")}` : "";
  return `${name} (${account}) in "${slug}": ${view.roles.join(", ") || "no role"}${topics}\n`;
}

/**
 * `datadesk role grant <platform>:<userId> <role> [--topics a,b] [--level L] [--reason …]`: adds
 * the role (and topics), audited like a grant in chat.
 */
export async function roleGrantCommand(
  op: OperatorCliContext,
  account: string,
  roleName: string,
  options: RoleCliOptions,
): Promise<void> {
  const role = parseRole(roleName);
  const level = parseLevel(role, options.level);
  const person = await resolveAccount(op.admin, account);
  const topics = parseTopicList(options.topics);
  if (role === "member") {
    const view = await op.admin.grant(op.communityId, person.personId, role, topics);
    op.ctx.streams.stdout.write(describe(person.displayName, account, op.slug, view));
    return;
  }
  const change = roleChange(op, person, role, options, { topics, ...(level ? { level } : {}) });
  const result = await op.ctx.deps.communityUnitOfWork.run((tx) => grantRole(tx, change));
  if (result.outcome === "last_admin" || !result.profile) throw new Error("a grant cannot remove an admin");
  op.ctx.streams.stdout.write(describe(person.displayName, account, op.slug, result.profile));
}

/**
 * `datadesk role revoke <platform>:<userId> <role> [--topics a,b]`: takes the role away, or with
 * --topics only those topics (the role stays).
 */
export async function roleRevokeCommand(
  op: OperatorCliContext,
  account: string,
  roleName: string,
  options: RoleCliOptions,
): Promise<void> {
  const role = parseRole(roleName);
  const topics = parseTopicList(options.topics);
  if (role === "member" && topics.length === 0) {
    throw new CatalogCliError(
      "Everyone who talks to datadesk is a member; revoke champion, steward or admin instead.",
    );
  }
  const person = await resolveAccount(op.admin, account);
  const notMember = () =>
    new CatalogCliError(`${person.displayName} (${account}) is not a member of "${op.slug}".`);
  if (topics.length > 0 || role === "member") {
    const view = await op.admin.revoke(op.communityId, person.personId, role, topics);
    if (!view) throw notMember();
    op.ctx.streams.stdout.write(describe(person.displayName, account, op.slug, view));
    return;
  }
  const change = roleChange(op, person, role, options, {});
  const result = await op.ctx.deps.communityUnitOfWork.run((tx) => revokeRole(tx, change));
  if (result.outcome === "last_admin") {
    throw new CatalogCliError(
      `${person.displayName} is the last admin of "${op.slug}": grant admin to someone else first.`,
    );
  }
  if (!result.profile) throw notMember();
  op.ctx.streams.stdout.write(describe(person.displayName, account, op.slug, result.profile));
}

/** `datadesk role grant|revoke`: who champions, stewards or administers a community. */
export function registerRoleCommands(program: Command): void {
  const role = program
    .command("role")
    .description("grant and revoke community roles (champion, steward, admin)");
  for (const [verb, run, description] of [
    ["grant", roleGrantCommand, "give a person a role (and topics they champion or steward)"],
    ["revoke", roleRevokeCommand, "take a role away (with --topics: only those topics)"],
  ] as const) {
    role
      .command(verb)
      .description(description)
      .argument("<account>", "<platform>:<userId>, e.g. slack:U012ABC (slack:<team>/<user> if ambiguous)")
      .argument("<role>", roles.join("|"))
      .option("--topics <list>", "comma-separated topics, e.g. Transport,Housing")
      .option("--level <level>", "champions: executive, internal or external")
      .option("--reason <text>", "why (kept in the audit log)")
      .option("--community <slug>", "the community (default: the default community)")
      .action((account: string, roleName: string, options: RoleCliOptions) =>
        runCliCommand(() =>
          withCatalogCli(async (ctx) =>
            run(await operatorCliContext(ctx, options.community), account, roleName, options),
          ),
        ),
      );
  }
}

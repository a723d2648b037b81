import type { Command } from "commander";
import { type Role, roles } from "../core/people/roles.js";
import { CatalogCliError } from "./catalog/catalog-cli-context.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import { type OperatorCliContext, operatorCliContext, resolveAccount } from "./operator-cli-context.js";
import { runCliCommand } from "./run-cli-command.js";

export interface RoleCliOptions {
  /** Comma-separated topics ("Transport,Housing"). */
  topics?: string;
  community?: string;
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

/** `datadesk role grant <platform>:<userId> <role> [--topics a,b]`: adds the role (and topics). */
export async function roleGrantCommand(
  op: OperatorCliContext,
  account: string,
  roleName: string,
  options: RoleCliOptions,
): Promise<void> {
  const role = parseRole(roleName);
  const person = await resolveAccount(op.admin, account);
  const view = await op.admin.grant(op.communityId, person.personId, role, parseTopicList(options.topics));
  op.ctx.streams.stdout.write(describe(person.displayName, account, op.slug, view));
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
  const view = await op.admin.revoke(op.communityId, person.personId, role, topics);
  if (!view) throw new CatalogCliError(`${person.displayName} (${account}) is not a member of "${op.slug}".`);
  op.ctx.streams.stdout.write(describe(person.displayName, account, op.slug, view));
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

import type { Command } from "commander";
import { SqlStewardDirectory } from "../store/access/sql-steward-directory.js";
import { CatalogCliError } from "./catalog/catalog-cli-context.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import { type OperatorCliContext, operatorCliContext, resolveAccount } from "./operator-cli-context.js";
import { runCliCommand } from "./run-cli-command.js";

export interface StewardCliOptions {
  catalog?: string;
  community?: string;
}

async function findDataset(op: OperatorCliContext, key: string, catalog: string | undefined) {
  const dataset = await op.ctx.deps.datasetSearch.findByKey(op.communityId, key, catalog ?? null);
  if (!dataset) {
    throw new CatalogCliError(
      `No dataset "${key}"${catalog ? ` in catalog "${catalog}"` : ""} in "${op.slug}". Use the catalog's key (datadesk catalog list shows catalogs).`,
    );
  }
  return dataset;
}

/**
 * `datadesk steward add <dataset key> <platform>:<userId> [--catalog name]`: names a steward of a
 * dataset, so its access requests go to them first (before the catalog contact and the topic's
 * champions). Naming someone twice changes nothing.
 */
export async function stewardAddCommand(
  op: OperatorCliContext & { stewards: SqlStewardDirectory },
  key: string,
  account: string,
  options: StewardCliOptions,
): Promise<void> {
  const dataset = await findDataset(op, key, options.catalog);
  const person = await resolveAccount(op.admin, account);
  const added = await op.stewards.name(dataset.id, person.personId, op.ctx.deps.clock.now());
  op.ctx.streams.stdout.write(
    `${person.displayName} (${account}) ${added ? "now stewards" : "already stewards"} "${dataset.title}" in "${op.slug}".\n`,
  );
}

/**
 * `datadesk steward remove <dataset key> <platform>:<userId>`: someone moved on. New requests for
 * the dataset go to the remaining stewards (or the catalog contact, then the topic's champions);
 * requests already routed to them stay where they are until a champion reassigns them.
 */
export async function stewardRemoveCommand(
  op: OperatorCliContext & { stewards: SqlStewardDirectory },
  key: string,
  account: string,
  options: StewardCliOptions,
): Promise<void> {
  const dataset = await findDataset(op, key, options.catalog);
  const person = await resolveAccount(op.admin, account);
  const removed = await op.stewards.unname(dataset.id, person.personId);
  op.ctx.streams.stdout.write(
    removed
      ? `${person.displayName} (${account}) no longer stewards "${dataset.title}" in "${op.slug}".\n`
      : `${person.displayName} (${account}) was not a steward of "${dataset.title}": nothing changed.\n`,
  );
}

/** `datadesk steward list <dataset key>`: who a dataset's access requests go to first. */
export async function stewardListCommand(
  op: OperatorCliContext & { stewards: SqlStewardDirectory },
  key: string,
  options: StewardCliOptions,
): Promise<void> {
  const dataset = await findDataset(op, key, options.catalog);
  const ids = await op.stewards.stewardsOf(op.communityId, dataset.id);
  const contacts = await op.ctx.deps.directory.contacts(ids);
  const names = contacts.map((c) => c.displayName);
  op.ctx.streams.stdout.write(
    names.length > 0
      ? `Stewards of "${dataset.title}": ${names.join(", ")}\n`
      : `"${dataset.title}" has no named steward: requests go to the catalog contact, then the topic's champions.\n`,
  );
}

type StewardCliContext = OperatorCliContext & { stewards: SqlStewardDirectory };

/** Runs a steward command against the configured database, as the operator at the terminal. */
function withStewards(
  opts: StewardCliOptions,
  command: (op: StewardCliContext) => Promise<void>,
): Promise<void> {
  return runCliCommand(() =>
    withCatalogCli(async (ctx) => {
      const op = await operatorCliContext(ctx, opts.community);
      await command({ ...op, stewards: new SqlStewardDirectory(ctx.sql) });
    }),
  );
}

/** `datadesk steward add|remove|list`: who answers access requests for a dataset. */
export function registerStewardCommands(program: Command): void {
  const steward = program.command("steward").description("name the stewards of a dataset (access requests)");
  const options = (command: Command) =>
    command
      .option("--catalog <name>", "the catalog the dataset is in, when several have the key")
      .option("--community <slug>", "the community (default: the default community)");
  const naming = [
    {
      name: "add",
      description: "name a steward of a dataset: its access requests go to them first",
      run: stewardAddCommand,
    },
    { name: "remove", description: "stop naming someone a steward of a dataset", run: stewardRemoveCommand },
  ];
  for (const { name, description, run } of naming) {
    options(
      steward
        .command(name)
        .description(description)
        .argument("<dataset>", "the dataset's key in its catalog")
        .argument("<account>", "<platform>:<userId>, e.g. slack:U012ABC (slack:<team>/<user> if ambiguous)"),
    ).action((key: string, who: string, opts: StewardCliOptions) =>
      withStewards(opts, (op) => run(op, key, who, opts)),
    );
  }
  options(
    steward
      .command("list")
      .description("who a dataset's access requests go to first")
      .argument("<dataset>", "the dataset's key in its catalog"),
  ).action((key: string, opts: StewardCliOptions) =>
    withStewards(opts, (op) => stewardListCommand(op, key, opts)),
  );
}

import { type Command, InvalidArgumentError, Option } from "commander";
import { catalogKindSchema } from "../../core/catalog/dataset.js";
import { MAX_SYNC_INTERVAL_MINUTES } from "../../core/catalog/import-catalog.js";
import { usageNoteKinds } from "../../core/ports/usage-note-store.js";
import { runCliCommand } from "../run-cli-command.js";
import { withCatalogCli } from "./catalog-cli-services.js";
import { catalogGapsCommand } from "./catalog-gaps-command.js";
import { catalogImportCommand } from "./catalog-import-command.js";
import { catalogListCommand } from "./catalog-list-command.js";
import { catalogNoteCommand } from "./catalog-note-command.js";
import { catalogRemoveCommand } from "./catalog-remove-command.js";
import { catalogSyncCommand } from "./catalog-sync-command.js";

function wholeNumber(label: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`${label} must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}

/** `datadesk catalog import|sync|list|remove|note|gaps`: catalog administration for operators. */
export function registerCatalogCommands(program: Command): void {
  const catalog = program.command("catalog").description("import, resync and curate open-data catalogs");

  catalog
    .command("import")
    .description("import a catalog (DCAT-US data.json, CKAN, Socrata) from a file or URL")
    .argument("<location>", "file path or http(s) URL of the catalog")
    .addOption(
      new Option("--kind <kind>", "catalog format (detected when omitted)").choices(
        catalogKindSchema.options,
      ),
    )
    .option("--name <name>", "catalog name (default: the file's base name or the URL's host)")
    .option(
      "--every <minutes>",
      "resync this catalog every MINUTES (0 = on demand only; default DATADESK_CATALOG_SYNC_MINUTES)",
      wholeNumber("--every", 0, MAX_SYNC_INTERVAL_MINUTES),
    )
    .action(
      (location: string, options: { kind?: "dcat" | "ckan" | "socrata"; name?: string; every?: number }) =>
        runCliCommand(() => withCatalogCli((ctx) => catalogImportCommand(ctx, location, options))),
    );

  catalog
    .command("sync")
    .description("re-read one catalog (or all) from where it was imported")
    .argument("[name]", "catalog name (all catalogs when omitted)")
    .action((name: string | undefined) =>
      runCliCommand(() => withCatalogCli((ctx) => catalogSyncCommand(ctx, name))),
    );

  catalog
    .command("list")
    .description("list catalogs with dataset counts, last run and next resync")
    .action(() => runCliCommand(() => withCatalogCli((ctx) => catalogListCommand(ctx))));

  catalog
    .command("remove")
    .description("remove a catalog and its datasets (the sample catalog, or one imported by mistake)")
    .argument("<name>", "catalog name, as `catalog list` shows it")
    .action((name: string) => runCliCommand(() => withCatalogCli((ctx) => catalogRemoveCommand(ctx, name))));

  catalog
    .command("note")
    .description("add a best use case or a caveat to a dataset")
    .argument("<dataset>", "dataset key (or its title)")
    .argument("<text>", "the note")
    .addOption(new Option("--kind <kind>", "kind of note").choices(usageNoteKinds).default("use_case"))
    .action((dataset: string, text: string, options: { kind: (typeof usageNoteKinds)[number] }) =>
      runCliCommand(() => withCatalogCli((ctx) => catalogNoteCommand(ctx, dataset, text, options))),
    );

  catalog
    .command("gaps")
    .description("list the metadata questions people asked most that the catalog can't answer")
    .option("--limit <n>", "how many to show (default 15)", wholeNumber("--limit", 1, 50))
    .action((options: { limit?: number }) =>
      runCliCommand(() => withCatalogCli((ctx) => catalogGapsCommand(ctx, options))),
    );
}

import { Command } from "commander";
import { dbMigrateCommand } from "./db-command.js";
import { runCliCommand } from "./run-cli-command.js";
import { startCommand } from "./start-command.js";

/** The `datadesk` command. Each subcommand lives in its own file; this only wires them. */
const program = new Command()
  .name("datadesk")
  .description("Chat-ops bot for open-data communities (Slack, Discord and a local console)")
  .showHelpAfterError();

program
  .command("start")
  .description("run every configured platform; the local console when no credentials are set")
  .option("--console", "also open the local console when platforms are configured")
  .action((options: { console?: boolean }) => runCliCommand(() => startCommand(options)));

const db = program.command("db").description("database maintenance");
db.command("migrate")
  .description("apply pending migrations (also done automatically at start)")
  .action(() => runCliCommand(dbMigrateCommand));

await program.parseAsync(process.argv);

import { Command, Option } from "commander";
import { exportFormats } from "../core/problems/export-problems.js";
import { askCliCommand } from "./ask-command.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import { registerCatalogCommands } from "./catalog/register-catalog-commands.js";
import { registerCommunityCommands } from "./community-command.js";
import { dbMigrateCommand } from "./db-command.js";
import { registerDigestCommands } from "./digest-command.js";
import { discordInviteUrlCommand, discordRegisterCommandsCommand } from "./discord-command.js";
import { doctorCommand } from "./doctor/doctor-command.js";
import { type ExportOptions, exportAuditCommand, exportProblemsCommand } from "./export-command.js";
import { registerMetricsCommand } from "./metrics-command.js";
import { operatorCliContext } from "./operator-cli-context.js";
import { registerOutboxCommands } from "./outbox-command.js";
import { registerRoleCommands } from "./role-command.js";
import { runCliCommand } from "./run-cli-command.js";
import { startCommand } from "./start-command.js";
import { registerStewardCommands } from "./steward-command.js";

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

program
  .command("doctor")
  .description("check the database, the catalog and each configured platform, one line each with its fix")
  .action(() =>
    runCliCommand(async () => {
      process.exitCode = await doctorCommand();
    }),
  );

const db = program.command("db").description("database maintenance");
db.command("migrate")
  .description("apply pending migrations (also done automatically at start)")
  .action(() => runCliCommand(dbMigrateCommand));

const discord = program.command("discord").description("Discord setup");
discord
  .command("register-commands")
  .description("publish the slash commands to Discord (globally, or to one server with --guild)")
  .option("--guild <id>", "register in this server only (shows at once); default DISCORD_GUILD_ID")
  .action((options: { guild?: string }) => runCliCommand(() => discordRegisterCommandsCommand(options)));
discord
  .command("invite-url")
  .description("print the link that adds the bot to a server, with exactly the permissions it uses")
  .action(() => runCliCommand(async () => discordInviteUrlCommand()));

registerCatalogCommands(program);
registerCommunityCommands(program);
registerRoleCommands(program);
registerStewardCommands(program);
registerDigestCommands(program);
registerMetricsCommand(program);
registerOutboxCommands(program);

const exporting = program.command("export").description("publish datadesk's own data as open data");
const exports: Array<[string, string, typeof exportProblemsCommand]> = [
  [
    "problems",
    "the problem inventory: status, votes, topic, linked datasets, dates (no personal data)",
    exportProblemsCommand,
  ],
  [
    "audit",
    "the audit log of access requests, every step in order (names people: keep it private)",
    exportAuditCommand,
  ],
];
for (const [name, description, command] of exports) {
  exporting
    .command(name)
    .description(description)
    .addOption(new Option("--format <format>", "file format").choices([...exportFormats]).default("csv"))
    .option("--output <file>", "write to this file instead of standard output")
    .option("--community <slug>", "the community (default: the default community)")
    .action((options: ExportOptions & { community?: string }) =>
      runCliCommand(() =>
        withCatalogCli(async (ctx) => {
          const { communityId } = await operatorCliContext(ctx, options.community);
          await command({ ...ctx, communityId }, options);
        }),
      ),
    );
}

program
  .command("ask")
  .description("ask about the imported catalogs, as people do in chat")
  .argument("[question...]", "the question, in your own words")
  .option("--catalog <name>", "only search this catalog")
  .option("--json", "print the answer as JSON (the contract other tools read)")
  .option("--batch <file>", "answer each line of a JSONL file ({id, question, catalog?}) as a JSON line")
  .action((question: string[], options: { catalog?: string; json?: boolean; batch?: string }) =>
    runCliCommand(() => withCatalogCli((ctx) => askCliCommand(ctx, question, options))),
  );

await program.parseAsync(process.argv);

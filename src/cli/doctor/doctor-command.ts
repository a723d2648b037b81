import { type Config, loadConfig } from "../../config.js";
import { databaseChecks } from "./database-checks.js";
import { discordChecks } from "./discord-checks.js";
import { type DoctorCheck, formatCheck, warn } from "./doctor-check.js";
import { slackChecks } from "./slack-checks.js";

/**
 * `datadesk doctor`: why the bot stays silent, one line per check with its fix. Exits 0 only
 * when everything each configured platform needs is there (warnings, such as no catalog yet,
 * don't fail it). Checks what the environment configures; never changes anything.
 */
export async function doctorCommand(
  config: Config = loadConfig(),
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const checks: DoctorCheck[] = [];
  const report = (more: DoctorCheck[]) => {
    for (const check of more) out.write(`${formatCheck(check)}\n`);
    checks.push(...more);
  };
  const database = await databaseChecks(config);
  try {
    report(database.checks);
    if (!config.slack && !config.discord) {
      report([
        warn(
          "platforms: neither Slack nor Discord is configured (datadesk start opens the local console)",
          "set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, or DISCORD_TOKEN with DISCORD_APPLICATION_ID (README → Deploy)",
        ),
      ]);
    }
    if (config.slack) report(await slackChecks(config.slack, () => database.channels("slack")));
    if (config.discord) report(await discordChecks(config.discord, () => database.channels("discord")));
  } finally {
    await database.close();
  }
  const failed = checks.filter((c) => c.status === "fail").length;
  out.write(failed === 0 ? "datadesk doctor: all set.\n" : `datadesk doctor: ${failed} problem(s) to fix.\n`);
  return failed === 0 ? 0 : 1;
}

import type { Command } from "commander";
import { validHour, validLocale, validTimezone, validWeekday } from "../core/community/setup-validation.js";
import type { CommunityConfig, CommunityDirectory } from "../core/ports/community-directory.js";
import { CatalogCliError } from "./catalog/catalog-cli-context.js";
import type { OperatorCliContext } from "./operator-cli-context.js";

const WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * A setup change from the terminal: written with a `setup_changed` audit entry in one unit of
 * work, like the same change made with `/datadesk setup` in chat (the operator has no person id).
 */
export async function changeSetup(
  op: OperatorCliContext,
  setting: string,
  details: Record<string, string>,
  write: (directory: CommunityDirectory) => Promise<void>,
): Promise<void> {
  await op.ctx.deps.communityUnitOfWork.run(async (tx) => {
    await write(tx.directory);
    await tx.audit.append({
      communityId: op.communityId,
      at: op.ctx.deps.clock.now(),
      actorId: null,
      actorName: "operator (terminal)",
      platform: null,
      action: "setup_changed",
      subjectType: "community",
      subjectId: op.communityId,
      subjectRef: op.slug,
      reason: null,
      details: { setting, ...details },
    });
  });
}

export function digestLine(config: CommunityConfig): string {
  const { weekday, hour, sendWhenQuiet } = config.digest;
  const quiet = sendWhenQuiet ? "also when nothing happened" : "skipped when nothing happened";
  return `Digest: ${WEEKDAYS[weekday]} at ${String(hour).padStart(2, "0")}:00 (${config.timezone}), ${quiet}\n`;
}

export function channelLine(channel: CommunityConfig["channels"][number]): string {
  const shown = (id: string | null) => id ?? "—";
  return `${channel.platform} ${channel.workspaceId}: problems ${shown(channel.problemChannelId)}, triage ${shown(channel.triageChannelId)}, showcases ${shown(channel.showcaseChannelId)}, digest ${shown(channel.digestChannelId)}\n`;
}

/** `datadesk community timezone [ZONE]`: shows or sets the IANA time zone (digests, reminders). */
export async function communityTimezoneCommand(
  op: OperatorCliContext,
  zone: string | undefined,
): Promise<void> {
  if (zone !== undefined) {
    const timezone = validTimezone(zone);
    if (!timezone)
      throw new CatalogCliError(`"${zone}" is not a time zone. Use an IANA name such as Europe/Madrid.`);
    await changeSetup(op, "region", { timezone }, (directory) =>
      directory.setTimezone(op.communityId, timezone),
    );
  }
  const config = await op.ctx.deps.directory.config(op.communityId);
  op.ctx.streams.stdout.write(`Time zone: ${config.timezone}\n`);
}

/** `datadesk community locale [en|es]`: shows or sets the community's language. */
export async function communityLocaleCommand(
  op: OperatorCliContext,
  code: string | undefined,
): Promise<void> {
  if (code !== undefined) {
    const locale = validLocale(code);
    if (!locale) throw new CatalogCliError(`"${code}" is not a language datadesk speaks: en or es.`);
    await changeSetup(op, "region", { locale }, (directory) => directory.setLocale(op.communityId, locale));
  }
  const config = await op.ctx.deps.directory.config(op.communityId);
  op.ctx.streams.stdout.write(`Language: ${config.locale}\n`);
}

/** `datadesk community digest [--day mon] [--hour 9] [--send-when-quiet | --skip-when-quiet]`. */
export async function communityDigestCommand(
  op: OperatorCliContext,
  options: { day?: string; hour?: string; sendWhenQuiet?: boolean },
): Promise<void> {
  if (options.day !== undefined || options.hour !== undefined || options.sendWhenQuiet !== undefined) {
    const current = (await op.ctx.deps.directory.config(op.communityId)).digest;
    const weekday = options.day === undefined ? current.weekday : validWeekday(options.day);
    if (weekday === null)
      throw new CatalogCliError(`--day must be a day of the week (mon…sun or 1–7), not "${options.day}".`);
    const hour = options.hour === undefined ? current.hour : validHour(options.hour);
    if (hour === null)
      throw new CatalogCliError(`--hour must be a whole hour from 0 to 23, not "${options.hour}".`);
    const schedule = { weekday, hour, sendWhenQuiet: options.sendWhenQuiet ?? current.sendWhenQuiet };
    await changeSetup(
      op,
      "digest",
      { weekday: String(weekday), hour: String(hour), sendWhenQuiet: String(schedule.sendWhenQuiet) },
      (directory) => directory.setDigestSchedule(op.communityId, schedule),
    );
  }
  op.ctx.streams.stdout.write(digestLine(await op.ctx.deps.directory.config(op.communityId)));
}

export function intakeLine(config: CommunityConfig): string {
  return `Intake: ${config.intake.cooldownMinutes} minutes between two problems, at most ${config.intake.dailyCap} a day per member\n`;
}

export function triageLine(config: CommunityConfig): string {
  return `Triage: a problem nobody triaged for ${config.triage.staleBusinessDays} business days is raised to the on-call champion (or the triage channels)\n`;
}

/** `datadesk community show`: the whole setup, as `/datadesk setup` shows it in chat. */
export async function communityShowCommand(op: OperatorCliContext): Promise<void> {
  const config = await op.ctx.deps.directory.config(op.communityId);
  const out = op.ctx.streams.stdout;
  out.write(`Community "${op.slug}": ${config.name}\n`);
  out.write(`Time zone: ${config.timezone}\nLanguage: ${config.locale}\n`);
  out.write(digestLine(config));
  out.write(`Topics: ${config.topics.length > 0 ? config.topics.join(", ") : "none yet"}\n`);
  out.write(intakeLine(config) + triageLine(config));
  if (config.oncall) {
    const names = await op.admin.displayNames(config.oncall.personIds);
    const who = config.oncall.personIds.map((id) => names.get(id) ?? id).join(", ");
    out.write(`On call, one week each from ${config.oncall.startsOn}: ${who}\n`);
  } else out.write("On call: no rotation\n");
  if (config.channels.length === 0) out.write("Channels: no workspace is connected yet\n");
  for (const channel of config.channels) out.write(channelLine(channel));
}

/** Adds `timezone`, `locale`, `digest` and `show` under `datadesk community`. */
export function registerCommunitySetupCommands(
  community: Command,
  inCommunity: (
    options: { community?: string },
    run: (op: OperatorCliContext) => Promise<void>,
  ) => Promise<void>,
  communityOption: readonly [string, string],
): void {
  community
    .command("timezone")
    .description("show or set the community's time zone (IANA, e.g. Europe/Madrid)")
    .argument("[zone]", "the time zone")
    .option(...communityOption)
    .action((zone: string | undefined, options: { community?: string }) =>
      inCommunity(options, (op) => communityTimezoneCommand(op, zone)),
    );
  community
    .command("locale")
    .description("show or set the community's language (en or es)")
    .argument("[locale]", "en or es")
    .option(...communityOption)
    .action((code: string | undefined, options: { community?: string }) =>
      inCommunity(options, (op) => communityLocaleCommand(op, code)),
    );
  community
    .command("digest")
    .description("show or set when the weekly digest goes out")
    .option("--day <day>", "mon…sun (or 1–7)")
    .option("--hour <hour>", "0–23, in the community's time zone")
    .option("--send-when-quiet", "send it even when nothing happened")
    .option("--skip-when-quiet", "skip it when nothing happened")
    .option(...communityOption)
    .action(
      (options: {
        day?: string;
        hour?: string;
        sendWhenQuiet?: boolean;
        skipWhenQuiet?: boolean;
        community?: string;
      }) =>
        inCommunity(options, (op) =>
          communityDigestCommand(op, {
            ...(options.day !== undefined ? { day: options.day } : {}),
            ...(options.hour !== undefined ? { hour: options.hour } : {}),
            ...(options.sendWhenQuiet
              ? { sendWhenQuiet: true }
              : options.skipWhenQuiet
                ? { sendWhenQuiet: false }
                : {}),
          }),
        ),
    );
  community
    .command("show")
    .description("the community's whole setup")
    .option(...communityOption)
    .action((options: { community?: string }) => inCommunity(options, (op) => communityShowCommand(op)));
}

import { TZDate } from "@date-fns/tz";
import { type Command, InvalidArgumentError } from "commander";
import { format, isMonday, parseISO, startOfISOWeek } from "date-fns";
import { cleanTopics } from "../core/community/setup-validation.js";
import type { ChannelPurpose, CommunityConfig, IntakeLimits } from "../core/ports/community-directory.js";
import { platformSchema } from "../core/shared/platform.js";
import { CatalogCliError } from "./catalog/catalog-cli-context.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import {
  changeSetup,
  channelLine,
  intakeLine,
  registerCommunitySetupCommands,
  triageLine,
} from "./community-setup-command.js";
import { type OperatorCliContext, operatorCliContext, resolveAccount } from "./operator-cli-context.js";
import { runCliCommand } from "./run-cli-command.js";

const PURPOSES: readonly ChannelPurpose[] = ["problems", "triage", "showcases", "digest"];

function topicsLine(config: CommunityConfig): string {
  return config.topics.length > 0
    ? `Topics: ${config.topics.join(", ")}\n`
    : "No topics yet. Set them with: datadesk community topics Transport Housing …\n";
}

/** `datadesk community topics [topic…] [--clear]`: shows or replaces the topics problems pick from. */
export async function communityTopicsCommand(
  op: OperatorCliContext,
  topics: readonly string[],
  options: { clear?: boolean },
): Promise<void> {
  const { directory } = op.ctx.deps;
  if (topics.length > 0 || options.clear) {
    const cleaned = cleanTopics(options.clear ? [] : topics);
    if (!cleaned.ok) {
      const { problem } = cleaned;
      throw new CatalogCliError(
        problem.kind === "tooMany"
          ? `At most ${problem.max} topics (chat pickers hold no more).`
          : `"${problem.topic}" is longer than ${problem.max} characters.`,
      );
    }
    await changeSetup(op, "topics", { topics: cleaned.topics.join(", ") }, (directory) =>
      directory.setTopics(op.communityId, cleaned.topics),
    );
  }
  op.ctx.streams.stdout.write(topicsLine(await directory.config(op.communityId)));
}

/**
 * `datadesk community channel [<platform> <workspaceId> <problems|triage> <channelId>]`: shows
 * every workspace's channels, or sets one (in chat, `/datadesk channel problems` does the same).
 */
export async function communityChannelCommand(
  op: OperatorCliContext,
  args: readonly string[],
): Promise<void> {
  const { directory } = op.ctx.deps;
  if (args.length > 0) {
    const [platformName, workspaceId, purpose, channelId] = args;
    const platform = platformSchema.exclude(["console"]).safeParse(platformName);
    if (
      args.length !== 4 ||
      !platform.success ||
      !workspaceId ||
      !channelId ||
      !PURPOSES.some((known) => known === purpose)
    ) {
      throw new CatalogCliError(
        "Write: datadesk community channel <slack|discord> <workspace or server id> <problems|triage|showcases|digest> <channel id>",
      );
    }
    const chosen = purpose as ChannelPurpose;
    try {
      await changeSetup(
        op,
        "channels",
        { platform: platform.data, workspace: workspaceId, [chosen]: channelId },
        (tx) => tx.setChannel(op.communityId, platform.data, workspaceId, chosen, channelId),
      );
    } catch (error) {
      throw new CatalogCliError(`${platform.data} ${workspaceId} belongs to another community.`, {
        cause: error,
      });
    }
  }
  const { channels } = await directory.config(op.communityId);
  if (channels.length === 0) {
    op.ctx.streams.stdout.write("No workspace is connected yet.\n");
    return;
  }
  for (const channel of channels) op.ctx.streams.stdout.write(channelLine(channel));
}

/**
 * `datadesk community limits [--cooldown MINUTES] [--daily-cap N] [--stale-days N]`: how often
 * members may file, and how long a problem may wait for triage.
 */
export async function communityLimitsCommand(
  op: OperatorCliContext,
  options: { cooldown?: number; dailyCap?: number; staleDays?: number },
): Promise<void> {
  const { directory } = op.ctx.deps;
  if (options.cooldown !== undefined || options.dailyCap !== undefined) {
    const current = (await directory.config(op.communityId)).intake;
    const limits: IntakeLimits = {
      cooldownMinutes: options.cooldown ?? current.cooldownMinutes,
      dailyCap: options.dailyCap ?? current.dailyCap,
    };
    await changeSetup(
      op,
      "limits",
      { cooldownMinutes: String(limits.cooldownMinutes), dailyCap: String(limits.dailyCap) },
      (tx) => tx.setIntakeLimits(op.communityId, limits),
    );
  }
  if (options.staleDays !== undefined) {
    const triage = { staleBusinessDays: options.staleDays };
    await changeSetup(op, "triage", { staleBusinessDays: String(options.staleDays) }, (tx) =>
      tx.setTriageSettings(op.communityId, triage),
    );
  }
  const config = await directory.config(op.communityId);
  op.ctx.streams.stdout.write(intakeLine(config) + triageLine(config));
}

/**
 * `datadesk community oncall [<account>…] [--starts-on YYYY-MM-DD] [--clear]`: the champions who
 * take turns, a week each, from a Monday (this week's, in the community's time zone, by default).
 */
export async function communityOncallCommand(
  op: OperatorCliContext,
  accounts: readonly string[],
  options: { startsOn?: string; clear?: boolean },
): Promise<void> {
  const { directory, clock } = op.ctx.deps;
  if (options.clear)
    await changeSetup(op, "oncall", { people: "" }, (tx) => tx.setOncall(op.communityId, null));
  else if (accounts.length > 0) {
    const config = await directory.config(op.communityId);
    const startsOn =
      options.startsOn ?? format(startOfISOWeek(new TZDate(clock.now(), config.timezone)), "yyyy-MM-dd");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn) || !isMonday(parseISO(startsOn))) {
      throw new CatalogCliError(`--starts-on must be a Monday written YYYY-MM-DD (got ${startsOn}).`);
    }
    const people = [];
    for (const account of accounts) people.push((await resolveAccount(op.admin, account)).personId);
    const personIds = [...new Set(people)];
    await changeSetup(op, "oncall", { people: personIds.join(", "), startsOn }, (tx) =>
      tx.setOncall(op.communityId, { personIds, startsOn }),
    );
  }
  const { oncall } = await directory.config(op.communityId);
  if (!oncall) {
    op.ctx.streams.stdout.write(
      "No on-call rotation. Set one with: datadesk community oncall slack:U1 discord:123 …\n",
    );
    return;
  }
  const names = await op.admin.displayNames(oncall.personIds);
  const who = oncall.personIds.map((id) => names.get(id) ?? id).join(", ");
  op.ctx.streams.stdout.write(`On call, one week each from ${oncall.startsOn}: ${who}\n`);
}

function wholeNumber(label: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`${label} must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}

/** `datadesk community topics|channel|limits|oncall`: a community's settings, for operators. */
export function registerCommunityCommands(program: Command): void {
  const community = program
    .command("community")
    .description("a community's setup: topics, channels, time zone, language, digest, limits and on-call");
  const inCommunity = <O extends { community?: string }>(
    options: O,
    run: (op: OperatorCliContext) => Promise<void>,
  ) =>
    runCliCommand(() => withCatalogCli(async (ctx) => run(await operatorCliContext(ctx, options.community))));
  const communityOption = ["--community <slug>", "the community (default: the default community)"] as const;

  community
    .command("topics")
    .description("show the topics problems pick from, or replace them")
    .argument("[topics...]", "the topics, each one argument (quote those with spaces)")
    .option("--clear", "remove every topic")
    .option(...communityOption)
    .action((topics: string[], options: { clear?: boolean; community?: string }) =>
      inCommunity(options, (op) => communityTopicsCommand(op, topics, options)),
    );
  community
    .command("channel")
    .description("show each workspace's problem, triage, showcase and digest channels, or set one")
    .argument(
      "[setting...]",
      "<slack|discord> <workspace or server id> <problems|triage|showcases|digest> <channel id>",
    )
    .option(...communityOption)
    .action((setting: string[], options: { community?: string }) =>
      inCommunity(options, (op) => communityChannelCommand(op, setting)),
    );
  community
    .command("limits")
    .description("show or change how often members may file problems, and when an untriaged one is raised")
    .option(
      "--cooldown <minutes>",
      "minutes between two problems of one member",
      wholeNumber("--cooldown", 0, 10_080),
    )
    .option("--daily-cap <n>", "problems one member may file per day", wholeNumber("--daily-cap", 1, 1_000))
    .option(
      "--stale-days <n>",
      "business days a problem may wait for triage before the on-call champion is told",
      wholeNumber("--stale-days", 1, 60),
    )
    .option(...communityOption)
    .action((options: { cooldown?: number; dailyCap?: number; staleDays?: number; community?: string }) =>
      inCommunity(options, (op) => communityLimitsCommand(op, options)),
    );
  community
    .command("oncall")
    .description("show or set the weekly on-call rotation of champions")
    .argument("[accounts...]", "<platform>:<userId> of each champion, in turn order")
    .option("--starts-on <date>", "the Monday the first takes the watch (default: this week's)")
    .option("--clear", "no rotation")
    .option(...communityOption)
    .action((accounts: string[], options: { startsOn?: string; clear?: boolean; community?: string }) =>
      inCommunity(options, (op) => communityOncallCommand(op, accounts, options)),
    );
  registerCommunitySetupCommands(community, inCommunity, communityOption);
}

import type { Command } from "commander";
import { impactChangeText, impactValue } from "../core/digest/digest-card-lines.js";
import { previousWeek } from "../core/digest/digest-week.js";
import {
  compareImpact,
  type ImpactFigureKey,
  impactFigureKeys,
  weekOverWeek,
} from "../core/digest/impact-figures.js";
import { translator } from "../core/i18n/translator.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import { communityIdByNameOrSlug } from "./community-option.js";
import { type DigestCliContext, type DigestCliOptions, digestTarget } from "./digest-command.js";
import { runCliCommand } from "./run-cli-command.js";

/**
 * `datadesk metrics [--community NAME] [--week 2026-W47] [--json]`: the M&E figures the digest
 * reports (same definitions: src/core/digest/impact-figures.ts), for a week and the one before.
 * `--json` is the contract other tools read; without it, a table for people.
 */
export interface MetricsCliOptions extends DigestCliOptions {
  json?: boolean;
}

const labelKeys: Record<ImpactFigureKey, string> = {
  problemFirstResponseHours: "digest:impact.problemFirstResponse",
  accessFirstResponseHours: "digest:impact.accessFirstResponse",
  problemsSolved: "digest:impact.problemsSolved",
  requestsDecided: "digest:impact.requestsDecided",
  datasetsLinked: "digest:impact.datasetsLinked",
  problemsMatched: "digest:impact.problemsMatched",
  firstMatchHours: "digest:impact.firstMatch",
};

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export async function metricsCommand(ctx: DigestCliContext, options: MetricsCliOptions): Promise<void> {
  const target = await digestTarget(ctx, options);
  const { slug } = await communityIdByNameOrSlug(ctx.sql, ctx.communityId, options.community);
  const before = previousWeek(target.week, target.timezone);
  const comparison = await compareImpact(
    ctx.deps.digestSource,
    { communityId: target.communityId, start: target.week.start, end: target.week.end },
    { communityId: target.communityId, start: before.start, end: before.end },
  );
  if (options.json) {
    const change = Object.fromEntries(impactFigureKeys.map((key) => [key, weekOverWeek(comparison, key)]));
    const body = {
      community: slug,
      week: target.week.isoWeek,
      weekStart: target.week.start.toISOString(),
      weekEnd: target.week.end.toISOString(),
      complete: ctx.deps.clock.now() >= target.week.end,
      previousWeek: before.isoWeek,
      current: comparison.current,
      previous: comparison.previous,
      change,
    };
    ctx.streams.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  const t = translator(target.locale);
  const value = (key: ImpactFigureKey, figures: typeof comparison.current) =>
    figures[key] === null ? "–" : impactValue(t, key, figures[key]);
  const rows = [
    [
      t("digest:metrics.figure"),
      t("digest:metrics.thisWeek"),
      t("digest:metrics.previousWeek"),
      t("digest:metrics.change"),
    ],
    ...impactFigureKeys.map((key) => [
      t(labelKeys[key]),
      value(key, comparison.current),
      value(key, comparison.previous),
      impactChangeText(t, comparison, key).replace(/ \(.*\)$/, ""),
    ]),
  ];
  ctx.streams.stdout.write(
    `${t("digest:metrics.heading", { community: slug, week: target.week.isoWeek, previous: before.isoWeek })}\n\n${table(rows)}\n`,
  );
}

export function registerMetricsCommand(program: Command): void {
  program
    .command("metrics")
    .description("the digest's impact figures (M&E) for a week and the week before")
    .option("--community <name>", "the community, by name or slug (default: the default community)")
    .option(
      "--week <isoWeek>",
      "an ISO week in the community's timezone, like 2026-W47 (default: this week so far)",
    )
    .option("--json", "print the figures as JSON (the contract other tools read)")
    .action((options: MetricsCliOptions) =>
      runCliCommand(() => withCatalogCli((ctx) => metricsCommand(ctx, options))),
    );
}

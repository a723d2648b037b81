import type { Command } from "commander";
import { z } from "zod";
import { renderConsoleCard } from "../adapters/console/console-renderer.js";
import { buildDigest, digestCard, isQuietWeek } from "../core/digest/digest.js";
import type { DigestAudience, DigestWeek } from "../core/digest/digest-types.js";
import { digestWeekOf, parseIsoWeek } from "../core/digest/digest-week.js";
import { translator } from "../core/i18n/translator.js";
import { type CatalogCliContext, CatalogCliError } from "./catalog/catalog-cli-context.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import { communityIdByNameOrSlug } from "./community-option.js";
import { runCliCommand } from "./run-cli-command.js";

/**
 * `datadesk digest …`: one function per subcommand, registered together by
 * `registerDigestCommands`. `preview` prints what the channel and the champions would get.
 */

export interface DigestCliOptions {
  community?: string;
  /** "2026-W47"; default: this week so far. */
  week?: string;
}

/** What commander hands over, checked before it reaches a query. */
const digestCliOptionsSchema = z.object({
  community: z.string().trim().min(1).max(100).optional(),
  week: z.string().trim().min(1).max(20).optional(),
});

export type DigestCliContext = Pick<CatalogCliContext, "deps" | "sql" | "communityId" | "streams">;

/** The community and the week a digest subcommand works on, or one readable error. */
export async function digestTarget(
  ctx: DigestCliContext,
  options: DigestCliOptions,
): Promise<{ communityId: string; timezone: string; locale: string; week: DigestWeek }> {
  const parsed = digestCliOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new CatalogCliError(
      "--community takes a name or slug (1–100 characters), --week a week like 2026-W47.",
    );
  options = parsed.data;
  const { communityId } = await communityIdByNameOrSlug(ctx.sql, ctx.communityId, options.community);
  const config = await ctx.deps.directory.config(communityId);
  const week =
    options.week === undefined
      ? digestWeekOf(ctx.deps.clock.now(), config.timezone)
      : parseIsoWeek(options.week, config.timezone);
  if (!week)
    throw new CatalogCliError(translator(config.locale)("digest:preview.badWeek", { week: options.week }));
  return { communityId, timezone: config.timezone, locale: config.locale, week };
}

/** `datadesk digest preview [--community NAME] [--week 2026-W47]` */
export async function digestPreviewCommand(ctx: DigestCliContext, options: DigestCliOptions): Promise<void> {
  const target = await digestTarget(ctx, options);
  const t = translator(target.locale);
  const audiences: [DigestAudience, string][] = [
    [{ kind: "channel" }, t("digest:preview.channelHeading")],
    [{ kind: "champions" }, t("digest:preview.championsHeading")],
  ];
  const out: string[] = [];
  for (const [audience, heading] of audiences) {
    const digest = await buildDigest(ctx.deps, {
      communityId: target.communityId,
      week: target.week,
      audience,
    });
    const { text } = renderConsoleCard(digestCard(digest, t), { actionsHint: "" });
    out.push(`## ${heading}`, "", text.trimEnd());
    if (isQuietWeek(digest)) out.push("", `(${t("digest:quietPreview")})`);
    out.push("");
  }
  ctx.streams.stdout.write(`${out.join("\n")}\n`);
}

export function registerDigestCommands(program: Command): Command {
  const digest = program.command("digest").description("the weekly digest");
  digest
    .command("preview")
    .description("print this week's channel and champions' digests (or another week's) as text")
    .option("--community <name>", "the community, by name or slug (default: the default community)")
    .option(
      "--week <isoWeek>",
      "an ISO week in the community's timezone, like 2026-W47 (default: this week so far)",
    )
    .action((options: DigestCliOptions) =>
      runCliCommand(() => withCatalogCli((ctx) => digestPreviewCommand(ctx, options))),
    );
  return digest;
}

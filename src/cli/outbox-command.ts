import type { Command } from "commander";
import { z } from "zod";
import { OutboxQueue } from "../store/outbox/outbox-queue.js";
import type { CatalogCliContext } from "./catalog/catalog-cli-context.js";
import { CatalogCliError } from "./catalog/catalog-cli-context.js";
import { withCatalogCli } from "./catalog/catalog-cli-services.js";
import { runCliCommand } from "./run-cli-command.js";

const limitSchema = z.coerce.number().int().min(1).max(1_000);
const idSchema = z.uuid();

/**
 * `datadesk outbox dead [--limit N] [--json]`: the messages the worker gave up on (a channel the
 * bot cannot post in, a user who blocked it, an error that persisted through every attempt),
 * newest first, with the last error, so an admin can fix the cause and retry them.
 */
export async function outboxDeadCommand(
  ctx: Pick<CatalogCliContext, "sql" | "streams">,
  options: { limit?: string; json?: boolean },
): Promise<void> {
  const limit = limitSchema.safeParse(options.limit ?? "50");
  if (!limit.success) throw new CatalogCliError("--limit takes a whole number from 1 to 1000.");
  const dead = await new OutboxQueue(ctx.sql).listDead(limit.data);
  if (options.json) {
    ctx.streams.stdout.write(`${JSON.stringify(dead, null, 2)}\n`);
    return;
  }
  if (dead.length === 0) {
    ctx.streams.stdout.write("No dead letters: every message was delivered or is still being tried.\n");
    return;
  }
  for (const letter of dead) {
    const error = (letter.lastError ?? "").replace(/\s+/g, " ").slice(0, 160);
    ctx.streams.stdout.write(
      `${letter.id}  ${letter.platform}  ${letter.attempts} attempts  ${new Date(letter.createdAt).toISOString()}  ${letter.dedupeKey}\n    ${error}\n`,
    );
  }
  ctx.streams.stdout.write(
    `${dead.length} dead letter(s). Fix the cause, then: datadesk outbox retry <id…> (or --all).\n`,
  );
}

/** `datadesk outbox retry <id…> | --all`: dead letters go back to the worker, with fresh attempts. */
export async function outboxRetryCommand(
  ctx: Pick<CatalogCliContext, "sql" | "streams" | "deps">,
  ids: readonly string[],
  options: { all?: boolean },
): Promise<void> {
  const all = options.all === true;
  if (all === ids.length > 0) {
    throw new CatalogCliError("Name the dead letters to retry by id, or pass --all (not both).");
  }
  const bad = ids.filter((id) => !idSchema.safeParse(id).success);
  if (bad.length > 0)
    throw new CatalogCliError(`Not a message id: ${bad.join(", ")} (see datadesk outbox dead).`);
  const requeued = await new OutboxQueue(ctx.sql).requeueDead(all ? "all" : ids, ctx.deps.clock.now());
  ctx.streams.stdout.write(
    requeued === 0
      ? "Nothing to retry: no dead letter matched (delivered and pending messages are left alone).\n"
      : `${requeued} message(s) handed back to the outbox worker; a running bot delivers them within seconds.\n`,
  );
}

export function registerOutboxCommands(program: Command): void {
  const outbox = program.command("outbox").description("messages the bot could not deliver (dead letters)");
  outbox
    .command("dead")
    .description("list the messages the worker gave up on, newest first, with the last error")
    .option("--limit <n>", "how many (1–1000)", "50")
    .option("--json", "machine-readable")
    .action((opts: { limit?: string; json?: boolean }) =>
      runCliCommand(() => withCatalogCli((ctx) => outboxDeadCommand(ctx, opts))),
    );
  outbox
    .command("retry")
    .description("give dead letters another round of attempts")
    .argument("[ids...]", "message ids from `datadesk outbox dead`")
    .option("--all", "every dead letter")
    .action((ids: string[], opts: { all?: boolean }) =>
      runCliCommand(() => withCatalogCli((ctx) => outboxRetryCommand(ctx, ids, opts))),
    );
}

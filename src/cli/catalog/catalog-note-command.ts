import { addUsageNote } from "../../core/catalog/add-usage-note.js";
import type { UsageNoteKind } from "../../core/ports/usage-note-store.js";
import { type CatalogCliContext, explainingDomainErrors } from "./catalog-cli-context.js";

/** `datadesk catalog note <dataset-key> --kind use_case|caveat "<text>"`, as the console's user. */
export async function catalogNoteCommand(
  ctx: CatalogCliContext,
  dataset: string,
  text: string,
  options: { kind: UsageNoteKind },
): Promise<void> {
  const { dataset: target, note } = await explainingDomainErrors(async () =>
    addUsageNote(ctx.deps, { dataset, kind: options.kind, text }, await ctx.operator()),
  );
  const kind = note.kind === "caveat" ? "caveat" : "best use case";
  ctx.streams.stdout.write(
    `Added a ${kind} to "${target.title}" (${target.sourceName}, key ${target.key}).\n`,
  );
}

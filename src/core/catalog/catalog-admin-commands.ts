import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { supportedLocales } from "../i18n/locales.js";
import { translator } from "../i18n/translator.js";
import { requireRole } from "../people/roles.js";
import { type UsageNoteKind, usageNoteKinds } from "../ports/usage-note-store.js";
import { ephemeral, type Reply, type RichText } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { Choice, CommandArgs } from "../shared/handlers.js";
import { addUsageNote, USAGE_NOTE_ROLES } from "./add-usage-note.js";
import { listMetadataGaps } from "./list-metadata-gaps.js";

/**
 * Chat commands for champions: `note` (attach a best use case or caveat to a dataset) and
 * `gaps` (the metadata questions the catalog could not answer). Discord sends `dataset`, `kind`
 * and `text` as separate options; Slack and the console send one line,
 * "<dataset> | [caveat:] <text>", which lands in `text` and is split here.
 */

/** "caveat", "use case", "advertencia"…: every spelling of a kind, in every language we speak. */
const kindSpellings: ReadonlyMap<string, UsageNoteKind> = new Map(
  usageNoteKinds.flatMap((kind) => [
    [kind, kind] as const,
    [kind.replace("_", " "), kind] as const,
    [kind.replace("_", "-"), kind] as const,
    ...supportedLocales.map(
      (locale) => [translator(locale)(`catalogAdmin:noteKinds.${kind}`).toLowerCase(), kind] as const,
    ),
  ]),
);

export function parseNoteKind(value: string): UsageNoteKind | null {
  return kindSpellings.get(value.trim().toLowerCase().replace(/\s+/g, " ")) ?? null;
}

export interface NoteArgs {
  dataset: string;
  kind: UsageNoteKind;
  text: string;
}

/** Null when the person left out the dataset or the text. */
export function parseNoteArgs(args: CommandArgs): NoteArgs | null {
  let dataset = typeof args.dataset === "string" ? args.dataset.trim() : "";
  let text = typeof args.text === "string" ? args.text.trim() : "";
  if (dataset === "") {
    const bar = text.indexOf("|");
    if (bar === -1) return null;
    dataset = text.slice(0, bar).trim();
    text = text.slice(bar + 1).trim();
  }
  let kind: UsageNoteKind | null = null;
  if (typeof args.kind === "string" && args.kind.trim() !== "") {
    kind = parseNoteKind(args.kind);
    if (!kind) {
      throw new DomainError("invalid_input", "errors:invalid_input", {
        detail: `kind: ${usageNoteKinds.join(" | ")}`,
      });
    }
  } else {
    const prefix = /^([^:]{1,30}):\s*([\s\S]*)$/.exec(text);
    const prefixed = prefix ? parseNoteKind(prefix[1] ?? "") : null;
    if (prefix && prefixed) {
      kind = prefixed;
      text = (prefix[2] ?? "").trim();
    }
  }
  if (dataset === "" || text === "") return null;
  return { dataset, kind: kind ?? "use_case", text };
}

export async function noteCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  const { t } = ctx;
  // Members learn they may not, before they learn the syntax.
  requireRole(ctx.actor, USAGE_NOTE_ROLES);
  const parsed = parseNoteArgs(args);
  if (!parsed) {
    const usage = `${invocationOf(ctx.identity.platform, "note")} ${t("catalogAdmin:examples.note")}`;
    throw new DomainError("invalid_input", "catalogAdmin:noteUsage", { usage });
  }
  const { dataset, note } = await addUsageNote(ctx.deps, parsed, ctx.actor);
  const kind = t(`catalogAdmin:noteKinds.${note.kind}`);
  return ephemeral({
    fallbackText: `${t("catalogAdmin:noteAdded", { kind })}${dataset.title}`,
    accent: "success",
    blocks: [
      {
        type: "section",
        text: [t("catalogAdmin:noteAdded", { kind }), { text: dataset.title, style: "bold" }],
      },
      { type: "section", text: [note.text] },
      {
        type: "context",
        text: [t("catalogAdmin:noteAddedSource", { source: dataset.sourceName, key: dataset.key })],
      },
    ],
  });
}

export async function gapsCommand(ctx: RequestContext): Promise<Reply> {
  const { t } = ctx;
  const gaps = await listMetadataGaps(ctx.deps, {}, ctx.actor);
  if (gaps.length === 0) {
    const text = t("catalogAdmin:gapsEmpty");
    return ephemeral({ fallbackText: text, accent: "info", blocks: [{ type: "section", text: [text] }] });
  }
  const inCommunityZone = { in: tz(ctx.community.timezone) };
  const items: RichText[] = gaps.map((gap) => [
    { text: gap.datasetTitle, style: "bold" },
    " — ",
    { text: t(`catalogAdmin:gapFields.${gap.field}`, { defaultValue: gap.field }), style: "italic" },
    ": ",
    t("catalogAdmin:gapAsked", {
      count: gap.count,
      date: format(gap.lastAskedAt, "yyyy-MM-dd", inCommunityZone),
    }),
  ]);
  return ephemeral({
    fallbackText: t("catalogAdmin:gapsTitle"),
    accent: "info",
    blocks: [
      { type: "header", text: t("catalogAdmin:gapsTitle") },
      { type: "context", text: [t("catalogAdmin:gapsIntro")] },
      { type: "list", items },
    ],
  });
}

/** Discord autocomplete for `/note dataset:`: titles shown, keys sent back. */
export async function noteDatasetChoices(ctx: RequestContext, text: string): Promise<Choice[]> {
  if (text.trim() === "") return [];
  const matches = await ctx.deps.usageNotes.findDatasets(ctx.community.id, text, 25);
  // A key longer than a platform value (100) would come back cut, so send the title instead.
  return matches.map((match) => ({
    label: `${match.title} (${match.sourceName})`,
    value: match.key.length <= 100 ? match.key : match.title,
  }));
}

/** Discord autocomplete for `/note kind:`: the two kinds, in the person's language. */
export function noteKindChoices(ctx: RequestContext, text: string): Choice[] {
  const typed = text.trim().toLowerCase();
  return usageNoteKinds
    .map((kind) => ({ label: ctx.t(`catalogAdmin:noteKinds.${kind}`), value: kind }))
    .filter(
      (choice) => typed === "" || choice.label.toLowerCase().includes(typed) || choice.value.includes(typed),
    );
}

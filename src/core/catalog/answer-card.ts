import type { CatalogDataset, RankedDataset } from "../ports/dataset-search.js";
import type { Card, CardAction, CardBlock, RichText } from "../shared/card.js";
import { type AnswerCardOptions, accessKey, freshnessText, summaryOf, truncate } from "./answer-card-text.js";
import type { Answer } from "./answer-dataset-question.js";
import { contactOf, type FieldAnswer, formatsOf } from "./field-answer.js";
import { formatVerdict } from "./format-answer.js";
import { httpUrl } from "./http-url.js";
import { licenseBlocks, licenseSummary } from "./license-answer.js";
import { licenseVerdict } from "./license-verdict.js";

/*
 * Answer cards: the dataset that answers (title, one-line summary, freshness verdict, contact,
 * licence, formats, link, usage notes) with the asked field first, or a plain "I couldn't find
 * that" that suggests filing a problem. Catalog text is always a plain segment (data, escaped
 * by every renderer); only our own labels are styled. Buttons for later capabilities (filing a
 * problem, requesting access) are shown only when a handler for them is registered.
 */

const MAX_LISTED_COLUMNS = 40;
const NOTE_LENGTH = 300;

/** The asked field, said first and plainly. */
function fieldBlocks(field: FieldAnswer, dataset: CatalogDataset, options: AnswerCardOptions): CardBlock[] {
  const { t } = options;
  const section = (text: RichText): CardBlock => ({ type: "section", text });
  const label = (key: string, values?: Record<string, unknown>) => ({
    text: t(key, values),
    style: "bold" as const,
  });
  switch (field.intent) {
    case "owner": {
      const contact = contactOf(dataset);
      if (contact) return [section([label("catalog:answer.owner"), ": ", contact])];
      if (dataset.publisher)
        return [section([label("catalog:answer.ownerPublisherOnly"), ": ", dataset.publisher])];
      return [section([t("catalog:answer.ownerNone")])];
    }
    case "freshness":
      return dataset.modified
        ? [section([label("catalog:labels.updated"), ": ", freshnessText(dataset, options)])]
        : [section([t("catalog:answer.freshnessNone")])];
    case "license":
      return licenseBlocks(field.license ?? licenseVerdict(dataset), dataset, t);
    case "columns": {
      if (field.items.length === 0) return [section([t("catalog:answer.columnsNone")])];
      const asked = field.asked.map((item) =>
        item.present
          ? section([
              label("catalog:answer.columnsHave", { asked: item.asked }),
              ": ",
              item.matches.join(", "),
            ])
          : section([t("catalog:answer.columnsHaveNot", { asked: item.asked })]),
      );
      const listed = field.items.slice(0, MAX_LISTED_COLUMNS).join(", ");
      const more =
        field.items.length > MAX_LISTED_COLUMNS
          ? ` ${t("catalog:more", { count: field.items.length - MAX_LISTED_COLUMNS })}`
          : "";
      return [...asked, section([label("catalog:labels.columns"), ": ", listed + more])];
    }
    case "formats": {
      if (field.items.length === 0) return [section([t("catalog:answer.formatsNone")])];
      const asked = field.asked.map((item) => formatVerdict(item, field.items, options));
      // The yes/no already names what is there when it is a "no"; a plain list only otherwise.
      if (asked.length > 0 && field.asked.every((item) => !item.present)) return asked;
      return [...asked, section([label("catalog:answer.formatsAvailable"), ": ", field.items.join(", ")])];
    }
    case "access":
      return [
        section([
          label("catalog:answer.access"),
          ": ",
          t(`catalog:answer.accessLevels.${accessKey(dataset.accessLevel)}`),
        ]),
      ];
  }
}

/**
 * The dataset itself: what it is, how fresh, whom to ask, licence, formats, notes, link. The
 * field a field answer already gave is left out, so nothing is said twice.
 */
export function datasetBlocks(
  dataset: CatalogDataset,
  options: AnswerCardOptions,
  answered: FieldAnswer["field"] | null = null,
): CardBlock[] {
  const { t } = options;
  const formats = formatsOf(dataset);
  const blocks: CardBlock[] = [];
  const summary = summaryOf(dataset.description);
  if (summary) blocks.push({ type: "section", text: [summary] });
  const fields: { field: FieldAnswer["field"] | null; label: string; value: string }[] = [
    { field: "modified", label: t("catalog:labels.updated"), value: freshnessText(dataset, options) },
    {
      field: "contact",
      label: t("catalog:labels.contact"),
      value: contactOf(dataset) ?? dataset.publisher ?? "—",
    },
    {
      field: "license",
      label: t("catalog:labels.license"),
      value: licenseSummary(licenseVerdict(dataset), t),
    },
    {
      field: "formats",
      label: t("catalog:labels.formats"),
      value: formats.length > 0 ? formats.join(", ") : "—",
    },
    { field: null, label: t("catalog:labels.catalog"), value: dataset.catalog },
  ];
  blocks.push({
    type: "fields",
    fields: fields
      .filter((entry) => entry.field === null || entry.field !== answered)
      .map((entry) => ({ label: entry.label, value: [entry.value] })),
  });
  const notes = dataset.usageNotes.filter((note) => note.trim() !== "").slice(0, 3);
  if (notes.length > 0)
    blocks.push(
      { type: "section", text: [{ text: t("catalog:labels.usageNotes"), style: "bold" }] },
      { type: "list", items: notes.map((note) => [truncate(note, NOTE_LENGTH)]) },
    );
  return blocks;
}

/** "Used in 2 showcases:" and links to them: proof the data is reused, and ideas for using it. */
function showcaseBlocks(options: AnswerCardOptions): CardBlock[] {
  const used = options.showcases;
  if (!used || used.total === 0) return [];
  return [
    {
      type: "section",
      text: [{ text: options.t("showcases:answer.usedIn", { count: used.total }), style: "bold" }],
    },
    { type: "list", items: used.items.map((s) => [{ text: `S${s.number} · ${s.title}`, href: s.link }]) },
  ];
}

function actionsFor(dataset: CatalogDataset, options: AnswerCardOptions): CardBlock[] {
  const { t, offers } = options;
  const actions: CardAction[] = [];
  const link = httpUrl(dataset.landingPage);
  if (link) actions.push({ kind: "link", label: t("catalog:buttons.open"), url: link });
  if (offers.access && dataset.accessLevel !== "public")
    actions.push({
      kind: "button",
      actionId: "access.start",
      label: t("catalog:buttons.requestAccess"),
      value: dataset.id,
    });
  if (offers.watch)
    actions.push({
      kind: "button",
      actionId: "watch.dataset",
      label: t("watches:buttons.watch"),
      value: dataset.id,
    });
  if (offers.problem)
    actions.push({
      kind: "button",
      actionId: "problem.start",
      label: t("catalog:buttons.notWhatINeed"),
      value: dataset.id,
    });
  return actions.length > 0 ? [{ type: "actions", actions }] : [];
}

function othersList(results: readonly RankedDataset[]): CardBlock {
  return {
    type: "list",
    items: results.map((result) => [
      result.dataset.title,
      " ",
      { text: result.dataset.catalog, style: "italic" },
    ]),
  };
}

export function datasetCard(dataset: CatalogDataset, options: AnswerCardOptions): Card {
  return {
    fallbackText: dataset.title,
    accent: "info",
    blocks: [
      { type: "header", text: dataset.title },
      ...datasetBlocks(dataset, options),
      ...showcaseBlocks(options),
      ...actionsFor(dataset, options),
    ],
  };
}

export function answerCard(answer: Answer, options: AnswerCardOptions): Card {
  const best = answer.results[0];
  if (!answer.confident || !best) return notFoundCard(answer, options);
  const dataset = best.dataset;
  const others = answer.results.slice(1, 3);
  const blocks: CardBlock[] = [
    { type: "header", text: dataset.title },
    ...(answer.field ? fieldBlocks(answer.field, dataset, options) : []),
    ...datasetBlocks(dataset, options, answer.field?.field ?? null),
    ...showcaseBlocks(options),
  ];
  if (others.length > 0)
    blocks.push({ type: "context", text: [options.t("catalog:labels.alsoRelevant")] }, othersList(others));
  blocks.push(...actionsFor(dataset, options));
  return { fallbackText: dataset.title, accent: "info", blocks };
}

export function notFoundCard(answer: Answer, options: AnswerCardOptions): Card {
  const { t } = options;
  const scope = answer.catalog ?? t("catalog:notFound.allCatalogs");
  const blocks: CardBlock[] = [
    { type: "header", text: t("catalog:notFound.title") },
    { type: "section", text: [t("catalog:notFound.body", { catalog: scope })] },
  ];
  if (answer.missingTopics.length > 0)
    blocks.push({
      type: "section",
      text: [t("catalog:notFound.missingTopic", { topics: answer.missingTopics.join(", ") })],
    });
  const closest = answer.results.slice(0, 3);
  const nearMiss = closest[0];
  if (nearMiss && answer.nearMissTopics.length > 0)
    blocks.push(
      {
        type: "section",
        text: [
          t("catalog:notFound.nearMiss", {
            title: nearMiss.dataset.title,
            topics: answer.nearMissTopics.join(", "),
          }),
        ],
      },
      othersList(closest),
    );
  else if (closest.length > 0)
    blocks.push({ type: "context", text: [t("catalog:notFound.closest")] }, othersList(closest));
  blocks.push({ type: "section", text: [t("catalog:notFound.fileProblem")] });
  if (options.offers.problem)
    blocks.push({
      type: "actions",
      actions: [
        { kind: "button", actionId: "problem.start", label: t("catalog:buttons.fileProblem"), value: "" },
      ],
    });
  return { fallbackText: t("catalog:notFound.title"), accent: "warning", blocks };
}

import type { NormalizedDataset } from "../core/catalog/dataset.js";
import { htmlToPlainText, htmlToPlainTextOrNull } from "./html-text.js";
import { toPlainText } from "./text.js";

/**
 * The last step of every mapping: each text of a dataset that a person may read is made plain
 * (`html-text.ts`), so the store holds no markup and no answer, card or digest on any platform can
 * show a tag or an entity from a catalog. Done once here rather than in each mapper so a new
 * field or a new catalog family cannot forget it.
 */
export function readableDataset(dataset: NormalizedDataset): NormalizedDataset {
  const description = htmlToPlainText(dataset.description);
  const plainList = (values: readonly string[]) =>
    values.map((value) => htmlToPlainText(value)).filter((value) => value !== "");
  return {
    ...dataset,
    title: htmlToPlainText(dataset.title) || dataset.title,
    description,
    descriptionText: toPlainText(description),
    keywords: plainList(dataset.keywords),
    themes: plainList(dataset.themes),
    publisher: htmlToPlainTextOrNull(dataset.publisher),
    contactName: htmlToPlainTextOrNull(dataset.contactName),
    licenseTitle: htmlToPlainTextOrNull(dataset.licenseTitle),
    columns: dataset.columns.map((column) => ({
      ...column,
      name: htmlToPlainText(column.name) || column.name,
      description: htmlToPlainTextOrNull(column.description),
    })),
    distributions: dataset.distributions.map((distribution) => ({
      ...distribution,
      title: htmlToPlainTextOrNull(distribution.title),
    })),
    usageNotes: plainList(dataset.usageNotes),
    extras: Object.fromEntries(
      Object.entries(dataset.extras).map(([key, value]) => [key, htmlToPlainText(value)]),
    ),
  };
}

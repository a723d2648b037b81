import type { Translate } from "../i18n/translator.js";
import type { CatalogDataset } from "../ports/dataset-search.js";
import type { CardBlock, RichText } from "../shared/card.js";
import { contactOf } from "./field-answer.js";
import { httpUrl } from "./http-url.js";
import type { LicenseVerdict } from "./license-verdict.js";

/**
 * The licence answer: the verdict first (commercial use, credit, share-alike), in plain words,
 * then what it rests on (the licence's name and link, or the terms as the catalog states them).
 * Whenever the verdict is not a plain yes, the answer names whom to ask.
 */
const TERMS_LENGTH = 400;

function truncate(text: string, length: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= length ? clean : `${clean.slice(0, length - 1).trimEnd()}…`;
}

/** Who can settle what the catalog leaves open: the contact, else the publisher. */
function whomToAsk(dataset: CatalogDataset, t: Translate): string {
  return contactOf(dataset) ?? dataset.publisher ?? t("catalog:license.thePublisher");
}

/** One line for the dataset card's "License" field. */
export function licenseSummary(verdict: LicenseVerdict, t: Translate): string {
  switch (verdict.kind) {
    case "known":
      return verdict.name ?? t("catalog:license.custom");
    case "custom":
      return t("catalog:license.custom");
    case "none":
      return t("catalog:license.noneShort");
  }
}

export function licenseBlocks(verdict: LicenseVerdict, dataset: CatalogDataset, t: Translate): CardBlock[] {
  const section = (text: RichText): CardBlock => ({ type: "section", text });
  const bold = (key: string) => ({ text: t(key), style: "bold" as const });
  const ask = whomToAsk(dataset, t);
  if (verdict.kind === "none") return [section([t("catalog:license.none", { contact: ask })])];

  const commercial =
    verdict.commercial === "unclear"
      ? t("catalog:license.commercialUnclear", { contact: ask })
      : t(`catalog:license.commercial.${verdict.commercial}`);
  const credit =
    verdict.attribution === "required"
      ? verdict.creditTo
        ? t("catalog:license.creditTo", { whom: verdict.creditTo })
        : t("catalog:license.creditRequired", {
            whom: dataset.publisher ?? t("catalog:license.thePublisher"),
          })
      : t(`catalog:license.credit.${verdict.attribution}`);
  const blocks: CardBlock[] = [
    section([bold("catalog:license.commercialLabel"), ": ", commercial]),
    section([bold("catalog:license.creditLabel"), ": ", credit]),
  ];
  if (verdict.shareAlike)
    blocks.push(section([bold("catalog:license.shareAlikeLabel"), ": ", t("catalog:license.shareAlike")]));
  if (verdict.rightsReserved) blocks.push(section([t("catalog:license.rightsReserved")]));
  if (verdict.disclaimerOnly) blocks.push(section([t("catalog:license.disclaimerOnly")]));
  else if (verdict.noWarranty && verdict.kind === "custom")
    blocks.push(section([t("catalog:license.noWarranty")]));

  const link = httpUrl(verdict.url);
  if (verdict.kind === "known" && verdict.name)
    blocks.push(
      section([
        bold("catalog:answer.license"),
        ": ",
        link ? { text: verdict.name, href: link } : verdict.name,
      ]),
    );
  else if (verdict.text)
    blocks.push({
      type: "context",
      text: [t("catalog:license.termsAsStated"), " ", truncate(verdict.text, TERMS_LENGTH)],
    });
  else if (link)
    blocks.push(
      section([bold("catalog:answer.license"), ": ", { text: t("catalog:license.termsLink"), href: link }]),
    );
  return blocks;
}

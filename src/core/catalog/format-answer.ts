import type { Translate } from "../i18n/translator.js";
import type { CardBlock } from "../shared/card.js";
import type { FieldAnswer } from "./field-answer.js";
import { httpUrl } from "./http-url.js";

/**
 * "Can I get it as a shapefile?" answered yes or no first: "Yes — shapefile (ZIP): get it here",
 * or "No shapefile; it is available as GEOJSON, CSV and KML." A zipped shapefile counts as a
 * shapefile and an ArcGIS REST endpoint as an API (`field-answer.ts` decides which labels match).
 */
/** "Format names" people say: SHP is a shapefile, API is "an API"; the rest as labelled. */
function formatName(format: string, options: { t: Translate; locale: string }): string {
  const key = `catalog:formatNames.${format}`;
  const name = options.t(key);
  return name === key || name === `formatNames.${format}` ? format : name;
}

function listed(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
}

/** "Yes — KML: get it here" or "No shapefile; it is available as GEOJSON, CSV and KML." */
export function formatVerdict(
  item: FieldAnswer["asked"][number],
  available: readonly string[],
  options: { t: Translate; locale: string },
): CardBlock {
  const { t } = options;
  const name = formatName(item.asked, options);
  if (!item.present) {
    const others = available.map((format) => (format === "API" ? "API" : format));
    return {
      type: "section",
      text: [
        t("catalog:answer.formatHasNotButOthers", {
          format: name,
          available: listed(others, options.locale),
        }),
      ],
    };
  }
  const shown = item.matches.includes(item.asked) ? name : `${name} (${item.matches.join(", ")})`;
  const link = httpUrl(item.url ?? null);
  return {
    type: "section",
    text: link
      ? [
          { text: t("catalog:answer.formatHasAt", { format: shown }), style: "bold" },
          " ",
          { text: t("catalog:answer.formatDownload"), href: link },
        ]
      : [t("catalog:answer.formatHas", { format: shown })],
  };
}

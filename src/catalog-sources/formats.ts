/**
 * Distribution format labels and the "is this a query endpoint?" decision, shared by all
 * catalog kinds. Portals are inconsistent (Chicago gives only media types, San Diego writes
 * `fgdb` and `FGDB`), and answers need one spelling to say "available as CSV or via API".
 */
const formatByMediaType: Readonly<Record<string, string>> = {
  "text/csv": "CSV",
  "application/csv": "CSV",
  "application/json": "JSON",
  "application/geo+json": "GEOJSON",
  "application/vnd.geo+json": "GEOJSON",
  "application/xml": "XML",
  "text/xml": "XML",
  "application/rdf+xml": "RDF",
  "application/zip": "ZIP",
  "application/x-zip-compressed": "ZIP",
  "application/vnd.google-earth.kml+xml": "KML",
  "application/vnd.google-earth.kmz": "KMZ",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/pdf": "PDF",
  "text/html": "HTML",
  "text/plain": "TXT",
  "text/tab-separated-values": "TSV",
  "application/vnd.ogc.wms_xml": "WMS",
  "application/x-shapefile": "SHP",
};

/** `csv`, ` .CSV ` → `CSV`; empty → null. */
export function normaliseFormat(format: string | null | undefined): string | null {
  const cleaned = format?.trim().replace(/^\./, "").toUpperCase();
  return cleaned ? cleaned : null;
}

/** Short label for a media type when the catalog gives no format (Chicago's data.json). */
export function formatFromMediaType(mediaType: string | null | undefined): string | null {
  const essence = mediaType?.split(";")[0]?.trim().toLowerCase();
  return essence ? (formatByMediaType[essence] ?? null) : null;
}

const apiFormats = new Set([
  "API",
  "REST",
  "WMS",
  "WFS",
  "WCS",
  "WMTS",
  "OGC API",
  "SPARQL",
  "ODATA",
  "GRAPHQL",
  "SOCRATA",
  "ESRI REST",
  "ARCGIS",
  "ARCGIS REST",
  "ARCGIS REST API",
  "ARCGIS GEOSERVICES REST API",
  "FEATURESERVER",
  "MAPSERVER",
  "IMAGESERVER",
]);

/** URL shapes that are query endpoints whatever the format label says. */
const apiUrlPatterns: readonly RegExp[] = [
  /\/(FeatureServer|MapServer|ImageServer|GeocodeServer)(\/|\?|$)/i,
  /\/api\/3\/action\/datastore_search/i,
  /\/resource\/[a-z0-9]{4}-[a-z0-9]{4}\.(json|csv|geojson|xml)(\?|$)/i,
  /[?&]service=(WMS|WFS|WCS|WMTS)\b/i,
];

export function isApiDistribution(input: {
  format: string | null;
  mediaType: string | null;
  url: string | null;
}): boolean {
  const format = normaliseFormat(input.format);
  if (format && (apiFormats.has(format) || /\bAPI\b/.test(format))) return true;
  if (formatFromMediaType(input.mediaType) === "WMS") return true;
  return input.url !== null && apiUrlPatterns.some((pattern) => pattern.test(input.url ?? ""));
}

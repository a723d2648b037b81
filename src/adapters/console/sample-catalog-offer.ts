/**
 * What the console needs for its first run: on a data dir with no catalog, a newcomer's first
 * question would only get "No data catalog yet", so the console offers a small sample instead.
 * The composition root supplies it (the console knows nothing of files or stores).
 */
export interface SampleCatalogOffer {
  /** The catalog name the sample is stored under (also what `datadesk catalog remove` takes). */
  readonly name: string;
  /** True when the offer makes sense: the console's community has no catalog at all. */
  applies(): Promise<boolean>;
  /** Imports the sample; resolves to how many datasets it holds. */
  load(): Promise<{ datasets: number }>;
}

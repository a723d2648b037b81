/** One field people asked about that a dataset's metadata does not answer. */
export interface MetadataGapSummary {
  datasetId: string;
  datasetKey: string;
  datasetTitle: string;
  sourceName: string;
  /** A short slug: "license", "contact", "columns", "update_frequency"… */
  field: string;
  count: number;
  lastAskedAt: Date;
}

/**
 * Questions the catalog could not answer, counted per dataset and field, so champions know
 * which metadata to fix first. The answer engine calls `recordGap` whenever it has to say
 * "the catalog doesn't say"; champions read `mostAskedGaps`.
 */
export interface MetadataGapStore {
  /** Counts one more ask (creating the gap at 1) and stamps lastAskedAt with the store's clock. */
  recordGap(datasetId: string, field: string): Promise<void>;
  /** Gaps of current datasets, most asked first, then most recently asked. */
  mostAskedGaps(communityId: string, limit: number): Promise<MetadataGapSummary[]>;
}

/** A gap field is a short slug, so counts for one question never split over spellings. */
export function isMetadataGapField(field: string): boolean {
  return /^[a-z][a-z0-9_]{0,39}$/.test(field);
}

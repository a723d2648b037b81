/** What champions may say about a dataset beyond its metadata. */
export const usageNoteKinds = ["use_case", "caveat"] as const;
export type UsageNoteKind = (typeof usageNoteKinds)[number];

/** Enough of a dataset to name it back to the person and to attach a note to it. */
export interface DatasetRef {
  id: string;
  key: string;
  title: string;
  sourceName: string;
}

export interface UsageNote {
  id: string;
  datasetId: string;
  authorPersonId: string | null;
  kind: UsageNoteKind;
  text: string;
  createdAt: Date;
}

/**
 * Champions' usage notes ("best use cases", caveats). It exists so the note command can find a
 * dataset by what a person types and attach a note without SQL. `addUsageNote` also refreshes
 * the dataset's searchable note text in the same transaction, so search finds notes at once.
 */
export interface UsageNoteStore {
  /**
   * Current (not removed) datasets of a community matching a typed reference: exact key first,
   * then a key ending in "/<text>" (Socrata 4x4 ids), then exact title (any case), then titles
   * containing the text. Stops at the first tier that matches, so an exact hit is never
   * drowned by partial ones.
   */
  findDatasets(communityId: string, reference: string, limit: number): Promise<DatasetRef[]>;
  addUsageNote(note: Omit<UsageNote, "id">): Promise<UsageNote>;
  notesFor(datasetId: string): Promise<UsageNote[]>;
}

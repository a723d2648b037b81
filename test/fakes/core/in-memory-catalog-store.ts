import { randomUUID } from "node:crypto";
import type { NormalizedDataset } from "../../../src/core/catalog/dataset.js";
import type { CatalogRecord } from "../../../src/core/ports/catalog-source.js";
import type {
  CatalogSourceSummary,
  CatalogStore,
  CatalogSyncSummary,
  CatalogSyncTarget,
  SkippedRecordReport,
  SyncRunSummary,
} from "../../../src/core/ports/catalog-store.js";
import type { Clock } from "../../../src/core/ports/clock.js";
import {
  isMetadataGapField,
  type MetadataGapStore,
  type MetadataGapSummary,
} from "../../../src/core/ports/metadata-gap-store.js";
import type { DatasetRef, UsageNote, UsageNoteStore } from "../../../src/core/ports/usage-note-store.js";

interface StoredSource {
  id: string;
  communityId: string;
  name: string;
  kind: CatalogSourceSummary["kind"];
  location: string;
  syncIntervalMinutes: number | null;
  lastSyncedAt: Date | null;
  runs: SyncRunSummary[];
}

interface StoredDataset {
  id: string;
  sourceId: string;
  dataset: NormalizedDataset;
  hash: string;
  removedAt: Date | null;
  usageNotesText: string;
}

/**
 * The catalog ports in memory, sharing one world: what the core tests use instead of a database.
 * A sync reads every record before changing anything, so a failing source leaves the world as
 * it was (the same guarantee as the SQL store's single transaction).
 */
export class InMemoryCatalogStore implements CatalogStore, UsageNoteStore, MetadataGapStore {
  readonly sources = new Map<string, StoredSource>();
  readonly datasets = new Map<string, StoredDataset>();
  readonly notes: UsageNote[] = [];
  readonly gaps = new Map<string, { datasetId: string; field: string; count: number; lastAskedAt: Date }>();

  constructor(private readonly clock: Clock = { now: () => new Date() }) {}

  async syncCatalog(
    target: CatalogSyncTarget,
    records: AsyncIterable<CatalogRecord>,
    now: Date,
  ): Promise<CatalogSyncSummary> {
    const existing = [...this.sources.values()].find(
      (s) => s.communityId === target.communityId && s.name === target.name,
    );
    const valid: NormalizedDataset[] = [];
    const skippedReport: SkippedRecordReport[] = [];
    const seen = new Set<string>();
    try {
      let position = 0;
      for await (const record of records) {
        position += 1;
        if (!record.ok) {
          skippedReport.push({ position: record.position, key: record.key, problem: record.problem });
          continue;
        }
        // This fake offers no KnownRecords, so a reader never hands it a "known" record; one
        // that did would mean the dataset it already holds under that key.
        const { key } = record.ok === true ? record.dataset : record;
        const dataset =
          record.ok === true
            ? record.dataset
            : [...this.datasets.values()].find((d) => d.sourceId === existing?.id && d.dataset.key === key)
                ?.dataset;
        if (!dataset) throw new Error(`a known record the store does not hold: ${key}`);
        if (seen.has(dataset.key))
          skippedReport.push({
            position,
            key: dataset.key,
            problem: "the same key appears earlier in this catalog",
          });
        else {
          seen.add(dataset.key);
          valid.push(dataset);
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      existing?.runs.push({ ...emptyRun(now), status: "failed", finishedAt: now, error: message });
      throw new Error(`sync failed: ${message}`, { cause: error });
    }
    const source: StoredSource = existing ?? {
      id: randomUUID(),
      communityId: target.communityId,
      name: target.name,
      kind: target.kind,
      location: target.location,
      syncIntervalMinutes: null,
      lastSyncedAt: null,
      runs: [],
    };
    source.kind = target.kind;
    source.location = target.location;
    source.syncIntervalMinutes = target.syncIntervalMinutes ?? source.syncIntervalMinutes;
    source.lastSyncedAt = now;
    this.sources.set(source.id, source);

    const run = {
      ...emptyRun(now),
      status: "succeeded" as const,
      finishedAt: now,
      skipped: skippedReport.length,
    };
    const current = new Map(
      [...this.datasets.values()].filter((d) => d.sourceId === source.id).map((d) => [d.dataset.key, d]),
    );
    for (const dataset of valid) {
      const hash = JSON.stringify(dataset);
      const stored = current.get(dataset.key);
      if (!stored) {
        const id = randomUUID();
        this.datasets.set(id, {
          id,
          sourceId: source.id,
          dataset,
          hash,
          removedAt: null,
          usageNotesText: "",
        });
        run.added += 1;
      } else if (stored.hash !== hash || stored.removedAt) {
        Object.assign(stored, { dataset, hash, removedAt: null });
        run.updated += 1;
      } else run.unchanged += 1;
    }
    for (const stored of current.values()) {
      if (!seen.has(stored.dataset.key) && !stored.removedAt) {
        stored.removedAt = now;
        run.removed += 1;
      }
    }
    source.runs.push(run);
    const { added, updated, removed, unchanged, skipped } = run;
    return {
      sourceId: source.id,
      runId: randomUUID(),
      added,
      updated,
      removed,
      unchanged,
      skipped,
      skippedReport,
    };
  }

  async listSources(filter: { communityId?: string } = {}): Promise<CatalogSourceSummary[]> {
    return [...this.sources.values()]
      .filter((s) => filter.communityId === undefined || s.communityId === filter.communityId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => this.summary(s));
  }

  async findSource(communityId: string, name: string): Promise<CatalogSourceSummary | null> {
    const found = [...this.sources.values()].find((s) => s.communityId === communityId && s.name === name);
    return found ? this.summary(found) : null;
  }

  async findDatasets(communityId: string, reference: string, limit: number): Promise<DatasetRef[]> {
    const typed = reference.trim();
    if (typed === "") return [];
    const lower = typed.toLowerCase();
    const tierOf = (d: NormalizedDataset): number | null => {
      if (d.key === typed) return 1;
      if (d.key.endsWith(`/${typed}`)) return 2;
      if (d.title.toLowerCase() === lower) return 3;
      if (d.title.toLowerCase().includes(lower)) return 4;
      return null;
    };
    const candidates = this.current(communityId).flatMap((d) => {
      const tier = tierOf(d.dataset);
      return tier === null ? [] : [{ tier, d }];
    });
    const best = Math.min(...candidates.map((c) => c.tier));
    return candidates
      .filter((c) => c.tier === best)
      .map((c) => this.ref(c.d))
      .sort((a, b) => (a.title === b.title ? (a.key < b.key ? -1 : 1) : a.title < b.title ? -1 : 1))
      .slice(0, limit);
  }

  async addUsageNote(note: Omit<UsageNote, "id">): Promise<UsageNote> {
    const dataset = this.datasets.get(note.datasetId);
    if (!dataset) throw new Error(`no dataset ${note.datasetId}`);
    const stored = { ...note, id: randomUUID() };
    this.notes.push(stored);
    dataset.usageNotesText = this.notes
      .filter((n) => n.datasetId === note.datasetId)
      .map((n) => n.text)
      .join("\n");
    return { ...stored };
  }

  async notesFor(datasetId: string): Promise<UsageNote[]> {
    return this.notes.filter((n) => n.datasetId === datasetId).map((n) => ({ ...n }));
  }

  async recordGap(datasetId: string, field: string): Promise<void> {
    if (!isMetadataGapField(field)) throw new RangeError(`not a metadata gap field: ${field}`);
    if (!this.datasets.has(datasetId)) throw new Error(`no dataset ${datasetId}`);
    const key = `${datasetId}:${field}`;
    const now = this.clock.now();
    const gap = this.gaps.get(key);
    if (gap) {
      gap.count += 1;
      if (now > gap.lastAskedAt) gap.lastAskedAt = now;
    } else this.gaps.set(key, { datasetId, field, count: 1, lastAskedAt: now });
  }

  async mostAskedGaps(communityId: string, limit: number): Promise<MetadataGapSummary[]> {
    const current = new Map(this.current(communityId).map((d) => [d.id, d]));
    return [...this.gaps.values()]
      .flatMap((gap) => {
        const d = current.get(gap.datasetId);
        if (!d) return [];
        const ref = this.ref(d);
        return [{ ...gap, datasetKey: ref.key, datasetTitle: ref.title, sourceName: ref.sourceName }];
      })
      .sort(
        (a, b) =>
          b.count - a.count ||
          b.lastAskedAt.getTime() - a.lastAskedAt.getTime() ||
          a.datasetTitle.localeCompare(b.datasetTitle) ||
          a.field.localeCompare(b.field),
      )
      .slice(0, limit);
  }

  /** Test helper: the stored dataset with this key (in any source). */
  datasetByKey(key: string): StoredDataset {
    const found = [...this.datasets.values()].find((d) => d.dataset.key === key);
    if (!found) throw new Error(`no dataset ${key}`);
    return found;
  }

  private current(communityId: string): StoredDataset[] {
    return [...this.datasets.values()].filter(
      (d) => !d.removedAt && this.sources.get(d.sourceId)?.communityId === communityId,
    );
  }

  private ref(d: StoredDataset): DatasetRef {
    return {
      id: d.id,
      key: d.dataset.key,
      title: d.dataset.title,
      sourceName: this.sources.get(d.sourceId)?.name ?? "",
    };
  }

  private summary(s: StoredSource): CatalogSourceSummary {
    const { runs, ...rest } = s;
    const datasetCount = [...this.datasets.values()].filter(
      (d) => d.sourceId === s.id && !d.removedAt,
    ).length;
    return { ...rest, datasetCount, lastRun: runs.at(-1) ?? null };
  }
}

function emptyRun(now: Date): SyncRunSummary {
  return {
    status: "running",
    startedAt: now,
    finishedAt: null,
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    skipped: 0,
    error: null,
  };
}

import { normalizeText, singular } from "../../../src/core/catalog/question-text.js";
import type {
  CatalogDataset,
  DatasetSearch,
  DatasetSearchQuery,
  DatasetSearchResult,
  DatasetSuggestion,
  RankedDataset,
  ReachQuestion,
} from "../../../src/core/ports/dataset-search.js";
import type { InMemoryCatalogStore } from "./in-memory-catalog-store.js";

/**
 * DatasetSearch over the in-memory catalog store's datasets, for core tests. Plain word
 * matching (singular forms, no stemming or rarity): a concept counts in full in the title,
 * 0.75 in keywords/themes, 0.45 in the description. Enough to test the use cases' decisions
 * (confidence, field answers, gaps, cards) without a database.
 */
export class InMemoryDatasetSearch implements DatasetSearch {
  constructor(private readonly store: InMemoryCatalogStore) {}

  async search(query: DatasetSearchQuery): Promise<DatasetSearchResult> {
    const datasets = this.current(query.communityId, query.catalog);
    const totalWeight = query.concepts.reduce((sum, concept) => sum + concept.weight, 0);
    const phrasings = query.concepts.map((concept) => [concept.words, ...concept.alternatives].map(phraseOf));
    const ranked: RankedDataset[] = [];
    for (const dataset of datasets) {
      const fields = [
        { words: wordsOf([dataset.title]), credit: 1 },
        { words: wordsOf([...dataset.keywords, ...dataset.themes]), credit: 0.75 },
        { words: wordsOf([dataset.description]), credit: 0.45 },
      ];
      let covered = 0;
      query.concepts.forEach((concept, index) => {
        const credit = Math.max(
          0,
          ...fields
            .filter((field) =>
              (phrasings[index] ?? []).some((phrase) => phrase.every((w) => field.words.has(w))),
            )
            .map((field) => field.credit),
        );
        covered += concept.weight * credit;
      });
      if (covered > 0 && totalWeight > 0) ranked.push({ dataset, score: covered / totalWeight });
    }
    ranked.sort((a, b) => b.score - a.score || a.dataset.title.localeCompare(b.dataset.title));
    const vocabulary = wordsOf(datasets.flatMap((d) => [d.title, d.description, ...d.keywords, ...d.themes]));
    const unknownConcepts = query.concepts.filter(
      (_, index) => !(phrasings[index] ?? []).some((phrase) => phrase.every((word) => vocabulary.has(word))),
    );
    return { datasets: ranked.slice(0, query.limit), unknownConcepts };
  }

  async findByKey(communityId: string, key: string, catalog: string | null): Promise<CatalogDataset | null> {
    const datasets = this.current(communityId, catalog);
    return datasets.find((d) => d.key === key) ?? datasets.find((d) => d.key.endsWith(`/${key}`)) ?? null;
  }

  async findByLink(communityId: string, url: string): Promise<CatalogDataset | null> {
    const normalized = url.replace(/\/+$/, "").toLowerCase();
    const last = normalized.split("/").pop() ?? "";
    const host = (() => {
      try {
        return new URL(url).host.toLowerCase();
      } catch {
        return null;
      }
    })();
    if (!host) return null;
    const datasets = this.current(communityId, null);
    return (
      datasets.find((d) =>
        [d.landingPage, d.key].some((v) => v?.replace(/\/+$/, "").toLowerCase() === normalized),
      ) ??
      datasets.find(
        (d) =>
          /^[a-z0-9]{4}-[a-z0-9]{4}$/.test(last) &&
          (d.landingPage ?? "").toLowerCase().includes(`://${host}/`) &&
          (d.key.toLowerCase() === last || d.key.toLowerCase().endsWith(`/${last}`)),
      ) ??
      null
    );
  }

  async suggestTitles(communityId: string, text: string, limit: number): Promise<DatasetSuggestion[]> {
    const wanted = text.trim().toLowerCase();
    return this.current(communityId, null)
      .filter((d) => d.title.toLowerCase().includes(wanted))
      .sort(
        (a, b) =>
          Number(b.title.toLowerCase().startsWith(wanted)) - Number(a.title.toLowerCase().startsWith(wanted)),
      )
      .slice(0, limit)
      .map((d) => ({ key: d.key, title: d.title, catalog: d.catalog }));
  }

  async catalogNames(communityId: string): Promise<string[]> {
    return [...this.store.sources.values()]
      .filter((source) => source.communityId === communityId)
      .map((source) => source.name)
      .sort();
  }

  /**
   * A dataset can be found when it has every word of some phrasing of a concept: what `search`
   * scores. The minimum score is not used: a superset of the questions is allowed.
   */
  async questionsReaching(
    communityId: string,
    questions: readonly ReachQuestion[],
    datasetIds: readonly string[],
    _minScore: number,
  ): Promise<Set<string>> {
    const wanted = new Set(datasetIds);
    const vocabularies = this.current(communityId, null)
      .filter((dataset) => wanted.has(dataset.id))
      .map((d) => wordsOf([d.title, d.description, ...d.keywords, ...d.themes]));
    const reached = new Set<string>();
    for (const question of questions) {
      const phrasings = question.searches.flat().flatMap((c) => [c.words, ...c.alternatives].map(phraseOf));
      const found = vocabularies.some((words) =>
        phrasings.some((phrase) => phrase.every((word) => words.has(word))),
      );
      if (found) reached.add(question.id);
    }
    return reached;
  }

  private current(communityId: string, catalog: string | null): CatalogDataset[] {
    const out: CatalogDataset[] = [];
    for (const stored of this.store.datasets.values()) {
      const source = this.store.sources.get(stored.sourceId);
      if (!source || source.communityId !== communityId || stored.removedAt) continue;
      if (catalog !== null && source.name !== catalog) continue;
      const { dataset } = stored;
      out.push({
        id: stored.id,
        key: dataset.key,
        catalog: source.name,
        title: dataset.title,
        description: dataset.description,
        keywords: dataset.keywords,
        themes: dataset.themes,
        publisher: dataset.publisher,
        contactName: dataset.contactName,
        contactEmail: dataset.contactEmail,
        licenseId: dataset.licenseId,
        licenseTitle: dataset.licenseTitle,
        licenseUrl: dataset.licenseUrl,
        issued: dataset.issued,
        modified: dataset.modified,
        accrualPeriodicity: dataset.accrualPeriodicity,
        accessLevel: dataset.accessLevel,
        landingPage: dataset.landingPage,
        distributions: dataset.distributions,
        columns: dataset.columns,
        usageNotes: [
          ...dataset.usageNotes,
          ...this.store.notes.filter((n) => n.datasetId === stored.id).map((n) => n.text),
        ],
      });
    }
    return out;
  }
}

function phraseOf(words: readonly string[]): string[] {
  return words.map((word) => singular(normalizeText(word)));
}

function wordsOf(texts: readonly string[]): Set<string> {
  return new Set(
    texts
      .flatMap((text) => normalizeText(text).split(" "))
      .filter((w) => w !== "")
      .map(singular),
  );
}

import type { DatasetColumn, Distribution } from "../catalog/dataset.js";

/**
 * One idea in a question ("bike lanes", "rats"), with the other ways a catalog may word it.
 * The core decides what the ideas are (normalisation, intent, civic synonyms); the store decides
 * how they match (stemming, field weights, typo tolerance, rarity).
 */
export interface SearchConcept {
  /** The person's own words for it, normalised ("bike", "lanes"). */
  words: string[];
  /** Other phrasings, each a list of words ("bike", "routes"). */
  alternatives: string[][];
  /** How much it counts: 1 for the asking part of a question, less for the story around it. */
  weight: number;
  /** A civic topic the vocabulary recognises ("potholes"), rather than any word. */
  topic: boolean;
  /** Which clause of the question it came from, and its order there (adjacent ideas form phrases). */
  clause: number;
  position: number;
}

export interface DatasetSearchQuery {
  communityId: string;
  /** Only this catalog source (by name); null searches every catalog of the community. */
  catalog: string | null;
  concepts: SearchConcept[];
  limit: number;
}

/** A current dataset as answers need it: the normalised metadata plus where it lives. */
export interface CatalogDataset {
  id: string;
  /** The catalog's own key (DCAT identifier, CKAN id, Socrata id). */
  key: string;
  /** The catalog source's name. */
  catalog: string;
  title: string;
  description: string;
  keywords: string[];
  themes: string[];
  publisher: string | null;
  contactName: string | null;
  contactEmail: string | null;
  licenseId: string | null;
  licenseTitle: string | null;
  licenseUrl: string | null;
  issued: Date | null;
  modified: Date | null;
  accrualPeriodicity: string | null;
  accessLevel: string;
  landingPage: string | null;
  distributions: Distribution[];
  columns: DatasetColumn[];
  /** The catalog's own usage notes, then champions' notes. */
  usageNotes: string[];
}

export interface RankedDataset {
  dataset: CatalogDataset;
  /**
   * 0…1: how much of the question the dataset answers, weighting rare words and title/keyword
   * matches over description matches. Comparable across questions, so one threshold can decide
   * "confident" everywhere.
   */
  score: number;
}

export interface DatasetSearchResult {
  /** Best first, at most the query's limit. */
  datasets: RankedDataset[];
  /**
   * Concepts no dataset of the searched catalogs mentions in any phrasing (typos corrected).
   * A missing topic ("evictions") is strong evidence the catalog cannot answer the question.
   */
  unknownConcepts: SearchConcept[];
}

export interface DatasetSuggestion {
  key: string;
  title: string;
  catalog: string;
}

/** A question as matching after a sync sees it: each list of concepts its answer may search with. */
export interface ReachQuestion {
  id: string;
  searches: SearchConcept[][];
}

/**
 * Finding datasets for questions. It exists so the answer engine (and later the "these may
 * already help" search before filing a problem) can rank a community's catalog without knowing
 * SQL; the Postgres implementation uses full-text search with field weights and trigram
 * similarity, a fake does word matching for core tests.
 */
export interface DatasetSearch {
  /** Datasets of the community that match the question's concepts, best first. */
  search(query: DatasetSearchQuery): Promise<DatasetSearchResult>;
  /** A current dataset by the catalog's own key, or null. */
  findByKey(communityId: string, key: string, catalog: string | null): Promise<CatalogDataset | null>;
  /**
   * The current dataset a shared link points at (its landing page, its identifier URL, or a
   * portal page ending in its Socrata id on the same host), or null. For link unfurls.
   */
  findByLink(communityId: string, url: string): Promise<CatalogDataset | null>;
  /** Titles similar to what the person is typing (prefix first, then trigram), for autocomplete. */
  suggestTitles(communityId: string, text: string, limit: number): Promise<DatasetSuggestion[]>;
  /** Names of the community's catalog sources, for scoping questions with `catalog`. */
  catalogNames(communityId: string): Promise<string[]>;
  /**
   * Ids of the questions for which one of `datasetIds` could be found with a score of at least
   * `minScore` (in one of their searches, over all of the community's catalogs). Matching after
   * a sync asks only those: the others' answers cannot hold a changed dataset that scores enough
   * to be a match, and asking is what costs. A superset is allowed, never a subset.
   */
  questionsReaching(
    communityId: string,
    questions: readonly ReachQuestion[],
    datasetIds: readonly string[],
    minScore: number,
  ): Promise<Set<string>>;
}

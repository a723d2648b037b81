import type {
  CatalogDataset,
  DatasetSearch,
  DatasetSearchQuery,
  DatasetSearchResult,
  DatasetSuggestion,
  ReachQuestion,
} from "../../core/ports/dataset-search.js";
import type { SqlExecutor } from "../sql-executor.js";
import { classifyCandidates } from "./candidate-query.js";
import { coverageOf, scoreCandidate, titleFitOf } from "./candidate-score.js";
import { DATASET_COLUMNS, type DatasetRow, toDataset } from "./dataset-row.js";
import { bestFieldRank, type DatasetLexemes, scoreBound } from "./score-bound.js";
import { planSearch } from "./search-plan.js";
import { type SourceVersion, TermStatistics } from "./term-statistics.js";

/**
 * DatasetSearch over Postgres full-text search (PGlite or a server, same SQL). Candidates come
 * from the GIN index on the trigger-maintained weighted vector (candidate-query.ts); the
 * finalists' concepts are classed by the best field they occur in and scored in search-plan.ts.
 * Trigram similarity serves typos (against the catalog's vocabulary, term-statistics.ts) and
 * title suggestions (the GIN trigram index on titles).
 */

/** Concepts fetched on their own may match this many rows together; the rest only in pairs. */
const CANDIDATE_BUDGET = 600;
const SOURCE_CACHE_MS = 5_000;
/** With fewer candidates than this, the search widens to single common concepts. */
const FALLBACK_BELOW = 3;

export class SqlDatasetSearch implements DatasetSearch {
  private readonly terms: TermStatistics;
  private readonly sourceCache = new Map<string, { at: number; sources: SourceVersion[] }>();

  constructor(private readonly sql: Pick<SqlExecutor, "query" | "transaction">) {
    this.terms = new TermStatistics(sql);
  }

  async search(query: DatasetSearchQuery): Promise<DatasetSearchResult> {
    const sources = await this.sources(query.communityId, query.catalog);
    if (sources.length === 0 || query.concepts.length === 0) return { datasets: [], unknownConcepts: [] };
    const words = query.concepts.flatMap((concept) => [...concept.words, ...concept.alternatives.flat()]);
    const [corpus, lexemes] = await Promise.all([this.terms.corpus(sources), this.terms.lexemes(words)]);
    const plan = planSearch(query.concepts, lexemes, corpus, CANDIDATE_BUDGET);
    if (plan.candidateFilters.length === 0)
      return { datasets: [], unknownConcepts: plan.concepts.map((planned) => planned.concept) };

    const sourceIds = sources.map((source) => source.id);
    let candidates = await classifyCandidates(this.sql, plan, sourceIds, plan.candidateFilters);
    // Pairs of ideas found (almost) nothing: any one of the common ideas will do.
    if (candidates.length < FALLBACK_BELOW && plan.broadFilters.length > 1)
      candidates = await classifyCandidates(this.sql, plan, sourceIds, [
        ...plan.candidateFilters,
        ...plan.broadFilters,
      ]);
    // Every matching row was classed (no cap, no cut to finalists), so absence is proof.
    const complete = candidates.every((candidate) => candidate.matched <= candidates.length);
    const phrasesFound = candidates[0]?.phrasesFound;
    // Known word by word but never together ("parking" and "meter" apart): as good as unknown.
    const lacksPhrase = (index: number) =>
      plan.phraseChecks.some((check, at) => check.index === index && phrasesFound?.[at] === false);
    const unknownConcepts = plan.concepts
      .filter(
        (planned, index) =>
          !planned.known ||
          lacksPhrase(index) ||
          (complete &&
            plan.filtered.has(index) &&
            !candidates.some((candidate) => (candidate.classes[index] ?? 0) > 0)),
      )
      .map((planned) => planned.concept);
    const ranked = candidates
      .map((candidate) => ({
        id: candidate.id,
        title: candidate.title,
        coverage: coverageOf(plan, candidate),
        score: scoreCandidate(plan, candidate, candidate.title, titleFitOf(plan, candidate.titleLexemes)),
      }))
      .filter((candidate) => candidate.coverage > 0)
      // Ties go to the shorter, then alphabetically first title: stable across re-imports (ids are not).
      .sort(
        (a, b) =>
          b.score - a.score ||
          a.title.length - b.title.length ||
          a.title.localeCompare(b.title) ||
          a.id.localeCompare(b.id),
      )
      .slice(0, query.limit);
    if (ranked.length === 0) return { datasets: [], unknownConcepts };
    const rows = await this.sql.query<DatasetRow>(
      `SELECT ${DATASET_COLUMNS} FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE d."id" = ANY($1::uuid[])`,
      [ranked.map((candidate) => candidate.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, toDataset(row)]));
    const datasets = ranked.flatMap((candidate) => {
      const dataset = byId.get(candidate.id);
      return dataset ? [{ dataset, score: candidate.score }] : [];
    });
    return { datasets, unknownConcepts };
  }

  async findByKey(communityId: string, key: string, catalog: string | null): Promise<CatalogDataset | null> {
    // Exact key first; then a key ending in "/<key>" (Socrata 4x4 ids inside DCAT identifier URLs).
    const rows = await this.sql.query<DatasetRow>(
      `SELECT ${DATASET_COLUMNS} FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE s."communityId" = $1::uuid AND ($3::text IS NULL OR s."name" = $3) AND d."removedAt" IS NULL
          AND (d."key" = $2 OR (strpos($2, '/') = 0 AND d."key" LIKE '%/' || $4))
        ORDER BY (d."key" = $2) DESC, s."name"
        LIMIT 1`,
      [communityId, key, catalog, escapeLike(key)],
    );
    const row = rows[0];
    return row ? toDataset(row) : null;
  }

  async findByLink(communityId: string, url: string): Promise<CatalogDataset | null> {
    const link = parseDatasetLink(url);
    if (!link) return null;
    // Landing page or identifier first; then a portal page on the same host whose last path
    // segment is the dataset's Socrata id (".../Food-Inspections/4ijn-s7e5").
    const rows = await this.sql.query<DatasetRow>(
      `SELECT ${DATASET_COLUMNS} FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE s."communityId" = $1::uuid AND d."removedAt" IS NULL
          AND (rtrim(lower(d."landingPage"), '/') = $2 OR rtrim(lower(d."key"), '/') = $2
               OR ($3::text IS NOT NULL AND lower(d."landingPage") LIKE '%://' || $4 || '/%'
                   AND (lower(d."key") = $3 OR lower(d."key") LIKE '%/' || $3)))
        ORDER BY (rtrim(lower(d."landingPage"), '/') = $2 OR rtrim(lower(d."key"), '/') = $2) DESC, s."name"
        LIMIT 1`,
      [communityId, link.normalized, link.socrataId, escapeLike(link.host)],
    );
    const row = rows[0];
    return row ? toDataset(row) : null;
  }

  async suggestTitles(communityId: string, text: string, limit: number): Promise<DatasetSuggestion[]> {
    const typed = text.trim();
    return this.sql.query<DatasetSuggestion & Record<string, unknown>>(
      `SELECT d."key", d."title", s."name" AS "catalog"
         FROM "Dataset" d JOIN "CatalogSource" s ON s."id" = d."sourceId"
        WHERE s."communityId" = $1::uuid AND d."removedAt" IS NULL
          AND ($2 = '' OR d."title" ILIKE '%' || $3 || '%' ESCAPE '\\' OR $2 <% d."title")
        ORDER BY (d."title" ILIKE $3 || '%' ESCAPE '\\') DESC, word_similarity($2, d."title") DESC, d."title"
        LIMIT $4`,
      [communityId, typed, escapeLike(typed), limit],
    );
  }

  async catalogNames(communityId: string): Promise<string[]> {
    const rows = await this.sql.query<{ name: string }>(
      `SELECT "name" FROM "CatalogSource" WHERE "communityId" = $1::uuid ORDER BY "name"`,
      [communityId],
    );
    return rows.map((row) => row.name);
  }

  async questionsReaching(
    communityId: string,
    questions: readonly ReachQuestion[],
    datasetIds: readonly string[],
    minScore: number,
  ): Promise<Set<string>> {
    const sources = await this.sources(communityId, null);
    const reached = new Set<string>();
    if (sources.length === 0 || datasetIds.length === 0 || questions.length === 0) return reached;
    // The plans are the ones search() makes (same statistics, same budget); one stemming call
    // for every word warms the cache, so planning thousands of questions costs no round trips.
    const words = questions.flatMap((question) =>
      question.searches.flat().flatMap((concept) => [...concept.words, ...concept.alternatives.flat()]),
    );
    const [corpus, lexemes, datasets] = await Promise.all([
      this.terms.corpus(sources),
      this.terms.lexemes(words),
      this.datasetLexemes(datasetIds, sources),
    ]);
    // Which of the datasets hold each lexeme: a plan's candidate terms pick the few to bound.
    const holding = new Map<string, DatasetLexemes[]>();
    for (const dataset of datasets)
      for (const lexeme of dataset.keys()) {
        const list = holding.get(lexeme) ?? [];
        list.push(dataset);
        holding.set(lexeme, list);
      }
    for (const question of questions) {
      const reachable = question.searches.some((concepts) => {
        if (concepts.length === 0) return false;
        const plan = planSearch(concepts, lexemes, corpus, CANDIDATE_BUDGET);
        // Every candidate holds a candidate term; of those, one must be able to score enough.
        const seen = new Set<DatasetLexemes>();
        for (const term of plan.candidateTerms)
          for (const dataset of holding.get(term) ?? []) {
            if (seen.has(dataset)) continue;
            seen.add(dataset);
            if (scoreBound(plan, dataset) >= minScore) return true;
          }
        return false;
      });
      if (reachable) reached.add(question.id);
    }
    return reached;
  }

  /** Each current dataset's lexemes with the best field each occurs in ('A' < 'B' < …). */
  private async datasetLexemes(
    datasetIds: readonly string[],
    sources: readonly SourceVersion[],
  ): Promise<DatasetLexemes[]> {
    const rows = await this.sql.query<{ lexemes: string[]; fields: string[] }>(
      `SELECT array_agg(u."lexeme") AS "lexemes",
              array_agg((SELECT min(w) FROM unnest(u."weights") AS w)) AS "fields"
         FROM "Dataset" d, unnest(d."search") AS u
        WHERE d."id" = ANY($1::uuid[]) AND d."sourceId"::text = ANY($2::text[]) AND d."removedAt" IS NULL
        GROUP BY d."id"`,
      [datasetIds, sources.map((source) => source.id)],
    );
    return rows.map(
      (row) => new Map(row.lexemes.map((lexeme, at) => [lexeme, bestFieldRank([row.fields[at] ?? "D"])])),
    );
  }

  private async sources(communityId: string, catalog: string | null): Promise<SourceVersion[]> {
    // Asked on every question but changed only by a sync: a few seconds of staleness is harmless.
    const cacheKey = `${communityId}\u0000${catalog ?? ""}`;
    const cached = this.sourceCache.get(cacheKey);
    if (cached && Date.now() - cached.at < SOURCE_CACHE_MS) return cached.sources;
    // A source's term statistics change with a sync and with champions' notes (searchable at once).
    const rows = await this.sql.query<{ id: string; signature: string }>(
      `SELECT s."id", concat_ws('|', s."lastSyncedAt"::text,
                (SELECT max(n."createdAt")::text FROM "DatasetUsageNote" n
                   JOIN "Dataset" d ON d."id" = n."datasetId" WHERE d."sourceId" = s."id")) AS "signature"
         FROM "CatalogSource" s
        WHERE s."communityId" = $1::uuid AND ($2::text IS NULL OR s."name" = $2)`,
      [communityId, catalog],
    );
    const sources = rows.map((row) => ({ id: row.id, signature: row.signature }));
    this.sourceCache.set(cacheKey, { at: Date.now(), sources });
    return sources;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A shared URL, normalised for comparison with stored landing pages and keys. */
function parseDatasetLink(
  url: string,
): { normalized: string; host: string; socrataId: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  const path = parsed.pathname.replace(/\/+$/, "");
  const last = path.split("/").pop()?.toLowerCase() ?? "";
  return {
    normalized: `${parsed.protocol}//${parsed.host}${path}`.toLowerCase(),
    host: parsed.host.toLowerCase(),
    socrataId: /^[a-z0-9]{4}-[a-z0-9]{4}$/.test(last) ? last : null,
  };
}

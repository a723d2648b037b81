import type { SqlExecutor } from "../sql-executor.js";
import { ALTERNATIVE_CLASS_OFFSET, type CandidateMatch } from "./candidate-score.js";
import type { SearchPlan } from "./search-plan.js";

/**
 * The one SQL statement behind a search: candidates from the GIN index, Postgres' own ts_rank
 * to keep the most promising few, then, for those only, each concept's best field class and
 * the title phrases. Reading rows is what costs at scale (each candidate is a heap visit), so
 * the number read is capped; classing is many tsquery tests per row, so only finalists get it.
 */

/** At most this many matching rows are read per search; past it the catalog is too broad for the words anyway. */
export const CANDIDATE_CAP = 400;
/** Rows classed in full, chosen among the candidates by ts_rank on their title and keywords. */
export const FINALISTS = 80;
/** ts_rank's weights for D, C, B, A: the field credits of search-plan.ts. */
const RANK_WEIGHTS = "{0.2,0.45,0.75,1}";

export interface ClassifiedCandidate extends CandidateMatch {
  id: string;
  title: string;
  titleLexemes: string[];
  /** Rows the filter matched (up to the cap): when more than were classed, absence proves nothing. */
  matched: number;
  /** Per phrase check of the plan (same order): some current dataset has the phrase. */
  phrasesFound: boolean[];
}

export function classifyCandidates(
  sql: Pick<SqlExecutor, "transaction">,
  plan: SearchPlan,
  sourceIds: readonly string[],
  filters: readonly string[],
): Promise<ClassifiedCandidate[]> {
  if (filters.length === 0) return Promise.resolve([]);
  const params: unknown[] = [sourceIds, CANDIDATE_CAP, plan.rankQuery ?? filters.join(" | "), FINALISTS];
  const param = (value: string) => {
    params.push(value);
    return `$${params.length}::tsquery`;
  };
  const classes = plan.concepts.map((concept) => {
    const tests: string[] = [];
    // Most concepts are absent from most rows: one test says so, the field tests run only when present.
    const anywhere = [concept.own?.any, concept.alternatives?.any].filter(Boolean).join(" | ");
    if (anywhere)
      tests.push(
        `WHEN NOT v @@ ${param(anywhere)} THEN ${concept.partial ? `-(v @@ ${param(concept.partial)})::int` : "0"}`,
      );
    for (const [weights, cls] of [
      ["A", 4],
      ["AB", 3],
      ["ABC", 2],
    ] as const) {
      if (concept.own) tests.push(`WHEN v @@ ${param(concept.own[weights])} THEN ${cls}`);
      if (concept.alternatives)
        tests.push(
          `WHEN v @@ ${param(concept.alternatives[weights])} THEN ${cls + ALTERNATIVE_CLASS_OFFSET}`,
        );
    }
    if (concept.own && concept.alternatives)
      tests.push(`WHEN v @@ ${param(concept.own.any)} THEN 1 ELSE ${1 + ALTERNATIVE_CLASS_OFFSET}`);
    else if (concept.own) tests.push("ELSE 1");
    else if (concept.alternatives) tests.push(`ELSE ${1 + ALTERNATIVE_CLASS_OFFSET}`);
    if (!anywhere && concept.partial) return `-(v @@ ${param(concept.partial)})::int`;
    return tests.length > 0 ? `CASE ${tests.join(" ")} END` : "0";
  });
  const phrases = plan.titlePhrases.map((phrase) => `(v @@ ${param(phrase)})::int`);
  const matching = filters.map((filter) => `d."search" @@ ${param(filter)}`).join(" OR ");
  // Uncorrelated, so Postgres runs each once (an InitPlan), stopping at the first match.
  const phraseChecks = plan.phraseChecks.map(
    (check) =>
      `EXISTS (SELECT 1 FROM "Dataset" x WHERE x."search" @@ ${param(check.query)}
                 AND x."sourceId"::text = ANY($1::text[]) AND x."removedAt" IS NULL)`,
  );
  // Candidates are ranked by the short head vector (title, keywords), which is stored inline;
  // only finalists read the full vector, which may be compressed or TOASTed. `|| ''` inflates
  // it once per row rather than once per test; MATERIALIZED keeps Postgres from re-inlining it.
  const statement = `WITH matches AS MATERIALIZED (
       SELECT d."id", d."key", d."searchHead" AS head FROM "Dataset" d
        WHERE (${matching}) AND d."sourceId"::text = ANY($1::text[]) AND d."removedAt" IS NULL
     ), hits AS MATERIALIZED (
       SELECT * FROM matches LIMIT $2
     ), finalists AS MATERIALIZED (
       SELECT f."id", d."title", d."search" || ''::tsvector AS v
         FROM (SELECT "id" FROM hits ORDER BY ts_rank('${RANK_WEIGHTS}', head, $3::tsquery) DESC, "key" LIMIT $4) f
         JOIN "Dataset" d ON d."id" = f."id"
     )
     SELECT "id", "title", ARRAY[${classes.join(", ")}]::int[] AS "classes",
            (${phrases.length > 0 ? phrases.join(" + ") : "0"})::int AS "phrases",
            ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', "title"))) AS "titleLexemes",
            (SELECT count(*) FROM hits)::int AS "matched",
            ARRAY[${phraseChecks.join(", ")}]::boolean[] AS "phrasesFound"
       FROM finalists`;
  // The planner prices a tsquery test as nearly free, so it may prefer reading every vector (a
  // sequential scan, or all of a source through the (sourceId, key) index: hence the text
  // comparison above) to the GIN index. On a catalog of any size it never is.
  return sql.transaction(async (tx) => {
    await tx.exec("SET LOCAL enable_seqscan = off");
    return tx.query<ClassifiedCandidate & Record<string, unknown>>(statement, params);
  });
}

import type { SqlExecutor } from "../sql-executor.js";

/**
 * How many datasets of each catalog source contain each search lexeme, kept in memory.
 *
 * Ranking needs word rarity ("rodent" tells more than "chicago"), and typo tolerance needs the
 * vocabulary ("libary" → "librari"). Postgres has both in `ts_stat`, but that reads every vector
 * of the source, so it runs once per source version (a sync, a champion's note), not per
 * question; and after a while anyway, since a re-import that changes nothing keeps the version.
 */
export interface CorpusTerms {
  documents: number;
  /** Datasets containing the lexeme. */
  frequency(lexeme: string): number;
  /** The most frequent lexeme spelled like `lexeme` (trigram similarity ≥ `minSimilarity`), if any. */
  closest(lexeme: string, minSimilarity: number): string | null;
}

interface SourceTerms {
  signature: string;
  loadedAt: number;
  documents: number;
  frequencies: Map<string, number>;
  /** Trigram → lexemes containing it, built on the first typo lookup. */
  trigramIndex: Map<string, string[]> | null;
  /** Typo lookups already made: questions repeat words. */
  similar: Map<string, Map<string, number>>;
}

export interface SourceVersion {
  id: string;
  /** Changes whenever the source's vectors may have (its sync time, its newest usage note). */
  signature: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STEM_CACHE_LIMIT = 50_000;
const SIMILAR_CACHE_LIMIT = 10_000;

export class TermStatistics {
  /** One load per source version, shared by everyone asking while it runs. */
  private readonly sources = new Map<string, { signature: string; loading: Promise<SourceTerms> }>();
  private readonly stemCache = new Map<string, string[]>();

  constructor(
    private readonly sql: Pick<SqlExecutor, "query">,
    private readonly maxAgeMs = 15 * 60_000,
  ) {}

  async corpus(versions: readonly SourceVersion[]): Promise<CorpusTerms> {
    const parts = await Promise.all(versions.map((version) => this.source(version)));
    const documents = parts.reduce((sum, part) => sum + part.documents, 0);
    return {
      documents,
      frequency: (lexeme) => parts.reduce((sum, part) => sum + (part.frequencies.get(lexeme) ?? 0), 0),
      closest: (lexeme, minSimilarity) => {
        let best: { lexeme: string; similarity: number; frequency: number } | null = null;
        for (const part of parts) {
          for (const [candidate, similarity] of similarLexemes(part, lexeme, minSimilarity)) {
            const frequency = part.frequencies.get(candidate) ?? 0;
            if (
              !best ||
              similarity > best.similarity ||
              (similarity === best.similarity && frequency > best.frequency)
            )
              best = { lexeme: candidate, similarity, frequency };
          }
        }
        return best?.lexeme ?? null;
      },
    };
  }

  /** The lexemes Postgres' English configuration makes of each word ([] for stop words). */
  async lexemes(wordList: readonly string[]): Promise<Map<string, string[]>> {
    const missing = [...new Set(wordList.filter((word) => !this.stemCache.has(word)))];
    if (missing.length > 0) {
      const rows = await this.sql.query<{ word: string; lexemes: string[] }>(
        `SELECT w AS "word", ARRAY(SELECT lexeme FROM unnest(to_tsvector('english', w))) AS "lexemes"
           FROM unnest($1::text[]) AS w`,
        [missing],
      );
      if (this.stemCache.size + rows.length > STEM_CACHE_LIMIT) this.stemCache.clear();
      for (const row of rows) this.stemCache.set(row.word, row.lexemes);
    }
    return new Map(wordList.map((word) => [word, this.stemCache.get(word) ?? []]));
  }

  private source(version: SourceVersion): Promise<SourceTerms> {
    const cached = this.sources.get(version.id);
    // A new signature (a sync just finished) is reloaded by the first question that sees it,
    // and every question asked meanwhile waits for that one load: ts_stat reads every vector of
    // the source, and a burst of questions each starting its own stalled the database.
    if (!cached || cached.signature !== version.signature) return this.reload(version);
    return cached.loading.then((terms) => {
      if (Date.now() - terms.loadedAt < this.maxAgeMs) return terms;
      const current = this.sources.get(version.id);
      return current && current !== cached ? current.loading : this.reload(version);
    });
  }

  private reload(version: SourceVersion): Promise<SourceTerms> {
    if (!UUID.test(version.id)) return Promise.reject(new Error(`not a source id: ${version.id}`));
    const entry = { signature: version.signature, loading: this.load(version) };
    this.sources.set(version.id, entry);
    entry.loading.catch(() => {
      if (this.sources.get(version.id) === entry) this.sources.delete(version.id);
    });
    return entry.loading;
  }

  private async load(version: SourceVersion): Promise<SourceTerms> {
    // ts_stat takes the inner query as text; the id is a checked UUID, so inlining it is safe.
    const inner = `SELECT "search" FROM "Dataset" WHERE "sourceId" = '${version.id}' AND "removedAt" IS NULL`;
    const [rows, counts] = await Promise.all([
      this.sql.query<{ word: string; ndoc: number }>(`SELECT word, ndoc FROM ts_stat($1)`, [inner]),
      this.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Dataset" WHERE "sourceId" = $1::uuid AND "removedAt" IS NULL`,
        [version.id],
      ),
    ]);
    return {
      signature: version.signature,
      loadedAt: Date.now(),
      documents: counts[0]?.n ?? 0,
      frequencies: new Map(rows.map((row) => [row.word, Number(row.ndoc)])),
      trigramIndex: null,
      similar: new Map(),
    };
  }
}

/** pg_trgm's trigrams: the word padded with two spaces before and one after. */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3));
  return out;
}

export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/**
 * Lexemes spelled like `lexeme`. Only lexemes with the same first letter are considered: typos
 * rarely change it, and it keeps each lookup to a small slice of a large vocabulary.
 */
function similarLexemes(part: SourceTerms, lexeme: string, minSimilarity: number): Map<string, number> {
  const memoKey = `${minSimilarity}:${lexeme}`;
  const memo = part.similar.get(memoKey);
  if (memo) return memo;
  part.trigramIndex ??= buildTrigramIndex(part.frequencies.keys());
  const grams = trigrams(lexeme);
  const shared = new Map<string, number>();
  for (const gram of grams) {
    for (const candidate of part.trigramIndex.get(`${lexeme[0]}${gram}`) ?? [])
      shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
  }
  const out = new Map<string, number>();
  for (const [candidate, count] of shared) {
    const similarity = count / (grams.size + trigrams(candidate).size - count);
    if (similarity >= minSimilarity && candidate !== lexeme) out.set(candidate, similarity);
  }
  if (part.similar.size >= SIMILAR_CACHE_LIMIT) part.similar.clear();
  part.similar.set(memoKey, out);
  return out;
}

/** Trigram → lexemes, keyed by first letter too (see similarLexemes). */
function buildTrigramIndex(lexemes: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const lexeme of lexemes) {
    // Numbers and very short lexemes are never typos worth correcting towards.
    if (lexeme.length < 4 || /\d/.test(lexeme)) continue;
    for (const gram of trigrams(lexeme)) {
      const key = `${lexeme[0]}${gram}`;
      const list = index.get(key);
      if (list) list.push(lexeme);
      else index.set(key, [lexeme]);
    }
  }
  return index;
}

/**
 * pg_trgm's trigrams, in memory: words of letters and digits, lower-cased, padded with two
 * spaces before and one after. Close enough to `similarity`/`word_similarity` that the fake's
 * "these look alike" agrees with the SQL store's on clear cases (the contract tests' kind).
 */
export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) result.add(padded.slice(i, i + 3));
  }
  return result;
}

/** |A ∩ B| / |A ∪ B|, like pg_trgm's similarity(). */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const gram of left) if (right.has(gram)) common++;
  return common / (left.size + right.size - common);
}

/** How much of `needle` appears in `haystack` (an upper bound of pg_trgm's word_similarity()). */
export function trigramContainment(needle: string, haystack: string): number {
  const left = trigrams(needle);
  const right = trigrams(haystack);
  if (left.size === 0) return 0;
  let common = 0;
  for (const gram of left) if (right.has(gram)) common++;
  return common / left.size;
}

/**
 * pg_trgm's trigrams, in memory: words of letters and digits, lower-cased, padded with two
 * spaces before and one after. Close enough to `similarity`/`word_similarity` that the fake's
 * "these look alike" agrees with the SQL store's on clear cases (the contract tests' kind).
 */
export function trigrams(text: string): Set<string> {
  return new Set(trigramSequence(text));
}

function trigramSequence(text: string): string[] {
  const result: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) result.push(padded.slice(i, i + 3));
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

/**
 * pg_trgm's word_similarity(needle, haystack): the best similarity between the needle's
 * trigrams and those of any continuous stretch of the haystack's trigrams.
 */
export function wordSimilarity(needle: string, haystack: string): number {
  const wanted = trigrams(needle);
  const sequence = trigramSequence(haystack);
  if (wanted.size === 0 || sequence.length === 0) return 0;
  let best = 0;
  for (let start = 0; start < sequence.length; start++) {
    const extent = new Set<string>();
    let common = 0;
    for (let end = start; end < sequence.length; end++) {
      const gram = sequence[end] as string;
      if (!extent.has(gram)) {
        extent.add(gram);
        if (wanted.has(gram)) common++;
      }
      best = Math.max(best, common / (wanted.size + extent.size - common));
    }
  }
  return best;
}

/**
 * How alike a stored problem and a new text must read before intake says "this may already be
 * filed": pg_trgm's own default similarity threshold. Lower, and short generic words ("data",
 * "map") would match half the inventory; higher, and rewordings of the same need slip through.
 */
export const SIMILAR_PROBLEM_MIN_SCORE = 0.3;

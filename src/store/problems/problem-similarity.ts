/**
 * How alike a stored problem and a new text (intake passes the new title and description) must
 * read before intake says "this may already be filed". The score is the best of: trigram
 * similarity to the stored title, to the stored title and description together, and the stored
 * title's word similarity (found inside the new text) weighed down, because a few shared words
 * inside a long text match too easily. The threshold is pg_trgm's own default; with the weight,
 * "election results by precinct…" no longer pairs with "restaurant inspection results" while
 * rewordings ("pothole reports for Main St…" / "Potholes on Main Street") still match.
 */
export const SIMILAR_PROBLEM_MIN_SCORE = 0.3;

/** Weight of the stored title's word similarity against whole-text similarity. */
export const WORD_SIMILARITY_WEIGHT = 0.6;

import type { DigestWindow } from "../../core/ports/digest-source.js";

/* Reading the digest queries' rows: numbers and dates as the drivers return them, window totals. */

export type Row = Record<string, unknown>;

export const windowParams = (window: DigestWindow) => [
  window.communityId,
  window.start.toISOString(),
  window.end.toISOString(),
];

export const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
export const date = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
/** `count(*) OVER ()` rides on every row: no row means nothing to count. */
export const totalOf = (rows: Row[], column = "total") => num(rows[0]?.[column]);

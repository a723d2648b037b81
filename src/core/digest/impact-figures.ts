/**
 * The M&E figures of one week: how fast champions first answer problems and access requests,
 * and what got done. Shared by the digest, `datadesk metrics` and the Prometheus gauges.
 */
export interface ImpactFigures {
  /** Median hours from a problem's filing to its first champion response, for first responses this week. */
  problemFirstResponseHours: number | null;
  problemFirstResponses: number;
  /** Median hours from an access request to its first decision or question, for those this week. */
  accessFirstResponseHours: number | null;
  accessFirstResponses: number;
  problemsSolved: number;
  requestsDecided: number;
  datasetsLinked: number;
}

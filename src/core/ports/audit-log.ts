import type { Platform } from "../shared/platform.js";

/** What can happen to something governed: an access request, a membership, a community's setup. */
export const auditActions = [
  "submitted",
  "routed",
  "info_requested",
  "info_provided",
  "approved",
  "denied",
  "withdrawn",
  "decision_refused",
  "reminded",
  "escalated",
  "still_waiting",
  "expiry_notified",
  "expired",
  "auto_resolved",
  // Memberships (roles granted and revoked in chat or at the terminal, a champion's own profile).
  "role_granted",
  "role_revoked",
  "profile_updated",
  // A community's setup (channels, time zone, language, digest, topics, on-call).
  "setup_changed",
  // Retention erased a closed access request's personal data (the entries before it stay).
  "purged",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What an entry is about: its subjectId is the request's, the membership's or the community's id. */
export const auditSubjectTypes = ["access_request", "membership", "community"] as const;
export type AuditSubjectType = (typeof auditSubjectTypes)[number];

export interface NewAuditEntry {
  communityId: string;
  at: Date;
  /** Who acted; null for the system (a reminder job, a catalog sync). */
  actorId: string | null;
  /** Their name at the time: the record must read the same after people rename themselves. */
  actorName: string | null;
  /** Where they acted from; null for the system. */
  platform: Platform | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  /** What people call the subject ("AR-12"). */
  subjectRef: string;
  /** The why: a deny reason, conditions, a question, the route it went to. */
  reason: string | null;
  /** Small facts worth keeping (dataset, route level, expiry date), as text. */
  details: Record<string, string>;
}

/** What a read shows in place of personal text that retention made unreadable. */
export const PURGED_TEXT = "(purged)";

/**
 * The facts (`details` keys) of an access request's entries that say nothing about the person:
 * they stay readable after retention. Any other key (an organisation, say) is treated as personal,
 * so a fact added later is forgotten with the rest unless someone decides it belongs here.
 */
export const impersonalAuditFacts: readonly string[] = [
  "dataset",
  "datasetId",
  "durationMonths",
  "level",
  "from",
  "to",
  "topic",
  "deciders",
  "expiresOn",
  "retentionDays",
];

export interface AuditEntry extends NewAuditEntry {
  id: string;
  /** Strictly increasing in append order: the order of the record, even within one millisecond. */
  seq: number;
}

/**
 * The append-only record of every governed step: who, what, when, why and from where. It exists
 * because decisions about restricted data need legitimacy after the fact. There is deliberately
 * no update or delete: the SQL store should also refuse them (a trigger or revoked privileges).
 */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** A community's entries in append order, optionally for one subject. */
  list(communityId: string, filter?: { subjectId?: string }): Promise<AuditEntry[]>;
  /**
   * Retention, for an access request: the personal text of its entries (every free-text reason,
   * every fact not in impersonalAuditFacts, and the name and id of `personId`, its requester,
   * wherever they acted) becomes unreadable for
   * good, before and after this call. Every entry stays, in order, with its action, time, facts
   * and the deciders who acted; reads show PURGED_TEXT instead (and no id for the requester).
   * Nothing is updated or deleted: the SQL store forgets the key that text was encrypted with.
   */
  forgetPersonalText(subjectId: string, personId: string): Promise<void>;
}

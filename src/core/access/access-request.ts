import type { Platform } from "../shared/platform.js";

/**
 * The life of an access request. "pending" waits for a decision; "needs_info" waits for the
 * requester's answer; "approved" is a grant until it expires; the rest are closed.
 */
export const accessStatuses = [
  "pending",
  "needs_info",
  "approved",
  "denied",
  "withdrawn",
  "resolved_public",
  "expired",
] as const;
export type AccessStatus = (typeof accessStatuses)[number];

export const openAccessStatuses: readonly AccessStatus[] = ["pending", "needs_info"];

export function isOpenAccess(status: AccessStatus): boolean {
  return openAccessStatuses.includes(status);
}

/**
 * Which status may follow which. A decision is final: a denied request is not reopened (the
 * requester files a new one, which keeps the audit trail readable), and a grant only expires.
 */
const allowedTransitions: Record<AccessStatus, readonly AccessStatus[]> = {
  pending: ["approved", "denied", "needs_info", "withdrawn", "resolved_public"],
  needs_info: ["pending", "approved", "denied", "withdrawn", "resolved_public"],
  approved: ["expired"],
  denied: [],
  withdrawn: [],
  resolved_public: [],
  expired: [],
};

export function canTransitionAccess(from: AccessStatus, to: AccessStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/**
 * Who a request goes to, in order: stewards named for the dataset in datadesk, the person whose
 * email is the catalog's contact, champions of the dataset's topic, the champions' private triage
 * channel, or the community's admins where it has no triage channel.
 */
export const routeLevels = ["steward", "contact", "topic_champions", "triage", "admins"] as const;
export type RouteLevel = (typeof routeLevels)[number];

/** How long access is asked for, in months: the only choices the form offers. */
export const accessDurations = [1, 3, 6, 12] as const;
export type AccessDuration = (typeof accessDurations)[number];

/** The data-responsibility checklist: what a steward needs to judge the risk. */
export interface AccessChecklist {
  personalData: boolean;
  thirdParties: boolean;
  retentionPlan: string;
  derivedPublished: boolean;
}

/** What the requester told us. Private: only the requester and the people deciding see it. */
export interface AccessDetails {
  purpose: string;
  intendedUse: string;
  organisation: string;
  linkedProblem: { id: string; number: number } | null;
  durationMonths: AccessDuration;
  checklist: AccessChecklist;
  /** The terms shown before the form were accepted (the form refuses otherwise). */
  termsAccepted: true;
}

/**
 * Where a review card was posted for one routing step. Kept so every card can be edited in place
 * later ("Approved by …"), in the language it was written in, even if people change accounts.
 */
export interface RouteTarget {
  platform: Exclude<Platform, "console">;
  kind: "user" | "channel";
  /** Platform user id (a DM) or channel id (the triage channel). */
  id: string;
  locale: string;
}

export interface RouteStep {
  level: RouteLevel;
  /** People who may decide at this step (empty for the triage channel: any champion may). */
  personIds: string[];
  /** The community topic whose champions it went to (topic_champions only). */
  topic: string | null;
  targets: RouteTarget[];
  at: Date;
}

export interface AccessDecision {
  outcome: "approved" | "denied";
  byId: string;
  /** The decider's name when they decided (the card says "Approved by …" forever after). */
  byName: string;
  at: Date;
  /** Approve: optional conditions of use. */
  conditions: string | null;
  /** Approve: the last day of access (ISO date, community timezone). */
  expiresOn: string | null;
  /** Deny: why (required). */
  reason: string | null;
}

/** A question from a steward or the requester's answer: request details, private. */
export interface AccessMessage {
  kind: "question" | "answer";
  byId: string;
  text: string;
  at: Date;
}

export interface AccessRequest {
  id: string;
  communityId: string;
  /** Per-community number people use ("AR-12"). */
  number: number;
  dataset: { id: string; title: string; landingPage: string | null };
  requesterId: string;
  /** Derived from the person (current display name). */
  requesterName: string;
  /** Where it was filed from. */
  platform: Platform;
  /** The community's language when filed: triage posts and fallbacks for DMs use it. */
  communityLocale: string;
  details: AccessDetails;
  status: AccessStatus;
  /** Every routing step so far, oldest first; the last is where it is now. */
  routes: RouteStep[];
  decision: AccessDecision | null;
  messages: AccessMessage[];
  /** When an approved grant ends (the start of the day after `decision.expiresOn`). */
  grantExpiresAt: Date | null;
  /** Since when it has waited at its current step (filed, answered, escalated): the SLA clock. */
  waitingSince: Date;
  /** Increases each time the SLA clock restarts, so each round's reminder fires once. */
  slaRound: number;
  /** Increases with every change shown on the review cards, so older card edits never win. */
  cardVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export function accessRef(request: Pick<AccessRequest, "number">): string {
  return `AR-${request.number}`;
}

export function currentRoute(request: Pick<AccessRequest, "routes">): RouteStep | null {
  return request.routes[request.routes.length - 1] ?? null;
}

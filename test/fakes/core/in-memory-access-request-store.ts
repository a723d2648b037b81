import { randomUUID } from "node:crypto";
import {
  type AccessRequest,
  canTransitionAccess,
  currentRoute,
  isOpenAccess,
  type RouteLevel,
  type RouteStep,
} from "../../../src/core/access/access-request.js";
import type {
  AccessListQuery,
  AccessRequestStore,
  AccessStatusChange,
  NewAccessRequest,
} from "../../../src/core/access/ports.js";

type StoredRequest = Omit<AccessRequest, "requesterName">;

/**
 * A stateful in-memory AccessRequestStore with the SQL store's rules: per-community numbers,
 * compare-and-set status changes and reroutes, once-only marks, card versions. Returned requests
 * are copies, so a use case cannot change the store by mutating what it read.
 */
export class InMemoryAccessRequestStore implements AccessRequestStore {
  readonly requests = new Map<string, StoredRequest>();
  /** `requestId:key` of once-only events. */
  readonly marks = new Map<string, Date>();
  /** When retention purged each request (outbox messages and drafts are the SQL store's to show). */
  readonly purgedAt = new Map<string, Date>();
  private readonly displayName: (personId: string) => string;

  constructor(options: { displayName?: (personId: string) => string } = {}) {
    this.displayName = options.displayName ?? ((id) => `person ${id.slice(0, 8)}`);
  }

  async create(input: NewAccessRequest, at: Date): Promise<AccessRequest> {
    const numbers = [...this.requests.values()]
      .filter((r) => r.communityId === input.communityId)
      .map((r) => r.number);
    const stored: StoredRequest = structuredClone({
      id: randomUUID(),
      communityId: input.communityId,
      number: Math.max(0, ...numbers) + 1,
      dataset: input.dataset,
      requesterId: input.requesterId,
      platform: input.platform,
      communityLocale: input.communityLocale,
      details: input.details,
      status: "pending" as const,
      routes: [input.route],
      decision: null,
      messages: [],
      grantExpiresAt: null,
      waitingSince: at,
      slaRound: 0,
      cardVersion: 0,
      createdAt: at,
      updatedAt: at,
    });
    this.requests.set(stored.id, stored);
    return this.view(stored);
  }

  async byId(id: string): Promise<AccessRequest | null> {
    const found = this.requests.get(id);
    return found ? this.view(found) : null;
  }

  async openFor(communityId: string, requesterId: string, datasetId: string): Promise<AccessRequest | null> {
    const found = [...this.requests.values()].find(
      (r) =>
        r.communityId === communityId &&
        r.requesterId === requesterId &&
        r.dataset.id === datasetId &&
        isOpenAccess(r.status),
    );
    return found ? this.view(found) : null;
  }

  async list(query: AccessListQuery): Promise<AccessRequest[]> {
    return [...this.requests.values()]
      .filter(
        (r) =>
          r.communityId === query.communityId &&
          (query.requesterId === undefined || r.requesterId === query.requesterId) &&
          (query.statuses === undefined || query.statuses.includes(r.status)),
      )
      .sort((a, b) => b.number - a.number)
      .slice(0, query.limit)
      .map((r) => this.view(r));
  }

  async changeStatus(id: string, change: AccessStatusChange): Promise<AccessRequest | null> {
    const stored = this.requests.get(id);
    if (!stored || stored.status !== change.from || !canTransitionAccess(change.from, change.to)) return null;
    stored.status = change.to;
    if (change.decision) stored.decision = structuredClone(change.decision);
    if (change.grantExpiresAt) stored.grantExpiresAt = new Date(change.grantExpiresAt);
    if (change.message) stored.messages.push({ ...change.message, at: change.at });
    if (change.restartClock) {
      stored.waitingSince = change.at;
      stored.slaRound += 1;
    }
    this.touch(stored, change.at);
    return this.view(stored);
  }

  async reroute(
    id: string,
    change: { fromLevel: RouteLevel; route: RouteStep; at: Date },
  ): Promise<AccessRequest | null> {
    const stored = this.requests.get(id);
    if (stored?.status !== "pending" || currentRoute(stored)?.level !== change.fromLevel) return null;
    stored.routes.push(structuredClone(change.route));
    stored.waitingSince = change.at;
    stored.slaRound += 1;
    this.touch(stored, change.at);
    return this.view(stored);
  }

  async markOnce(id: string, key: string, at: Date): Promise<boolean> {
    const mark = `${id}:${key}`;
    if (this.marks.has(mark)) return false;
    this.marks.set(mark, at);
    return true;
  }

  async waitingSince(before: Date): Promise<AccessRequest[]> {
    return [...this.requests.values()]
      .filter((r) => r.status === "pending" && r.waitingSince.getTime() <= before.getTime())
      .sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime())
      .map((r) => this.view(r));
  }

  async grantsEndingBy(before: Date): Promise<AccessRequest[]> {
    return [...this.requests.values()]
      .filter(
        (r) =>
          r.status === "approved" &&
          r.grantExpiresAt !== null &&
          r.grantExpiresAt.getTime() <= before.getTime(),
      )
      .map((r) => this.view(r));
  }

  async openForDatasets(communityId: string, datasetIds: readonly string[]): Promise<AccessRequest[]> {
    return [...this.requests.values()]
      .filter(
        (r) => r.communityId === communityId && isOpenAccess(r.status) && datasetIds.includes(r.dataset.id),
      )
      .map((r) => this.view(r));
  }

  async closedUnpurged(closedBy: Date, limit: number): Promise<AccessRequest[]> {
    const by = closedBy.getTime();
    return [...this.requests.values()]
      .filter(
        (r) =>
          !isOpenAccess(r.status) &&
          !this.purgedAt.has(r.id) &&
          r.updatedAt.getTime() <= by &&
          (r.grantExpiresAt === null || r.grantExpiresAt.getTime() <= by),
      )
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
      .slice(0, limit)
      .map((r) => this.view(r));
  }

  async purgePersonalData(id: string, at: Date): Promise<boolean> {
    const stored = this.requests.get(id);
    if (!stored || isOpenAccess(stored.status) || this.purgedAt.has(id)) return false;
    stored.details = {
      ...stored.details,
      purpose: "",
      intendedUse: "",
      organisation: "",
      checklist: { ...stored.details.checklist, retentionPlan: "" },
    };
    stored.messages = [];
    if (stored.decision) stored.decision = { ...stored.decision, conditions: null, reason: null };
    for (const mark of [...this.marks.keys()]) if (mark.startsWith(`${id}:`)) this.marks.delete(mark);
    this.purgedAt.set(id, at);
    return true;
  }

  private touch(stored: StoredRequest, at: Date): void {
    stored.cardVersion += 1;
    stored.updatedAt = at;
  }

  private view(stored: StoredRequest): AccessRequest {
    return { ...structuredClone(stored), requesterName: this.displayName(stored.requesterId) };
  }
}

import { randomUUID } from "node:crypto";
import type {
  NewProblem,
  ProblemListQuery,
  ProblemStore,
  StatusChange,
} from "../../../src/core/ports/problem-store.js";
import {
  isOpen,
  type LinkedDataset,
  type Problem,
  type ProblemEvent,
  type ProblemEventKind,
  type PublicComment,
  type PublicProblem,
} from "../../../src/core/problems/problem.js";
import {
  SIMILAR_PROBLEM_MIN_SCORE,
  WORD_SIMILARITY_WEIGHT,
} from "../../../src/store/problems/problem-similarity.js";
import { trigramSimilarity, wordSimilarity } from "./trigram-similarity.js";

/** A stored problem: the row, without what is derived from other rows (names, counts, links). */
type StoredProblem = Omit<
  Problem,
  "submitterName" | "assignee" | "duplicateOf" | "followerCount" | "linkedDatasets"
> & { assigneeId: string | null; duplicateOfId: string | null };

export interface InMemoryProblemStoreOptions {
  /** A person's display name (the submitter's and assignee's names on a problem). */
  displayName?: (personId: string) => string;
  /** A dataset as a problem shows it once linked; unknown ids are refused like a foreign key. */
  dataset?: (datasetId: string) => LinkedDataset | null;
  /** A problem's live comments, as the export shows them (the thread store holds them). */
  publicComments?: (problemId: string) => PublicComment[];
}

/**
 * A stateful in-memory ProblemStore with the SQL store's rules (per-community numbers, one vote
 * per person, compare-and-set status changes, duplicates merging votes and followers, hidden
 * problems left out of lists), checked by the same contract suite.
 */
export class InMemoryProblemStore implements ProblemStore {
  readonly problems = new Map<string, StoredProblem>();
  /** problem id → person ids. */
  readonly votes = new Map<string, Set<string>>();
  readonly followers = new Map<string, Set<string>>();
  readonly eventLog: ProblemEvent[] = [];
  /** problem id → dataset ids, in linking order. */
  readonly links = new Map<string, string[]>();
  private readonly displayName: (personId: string) => string;
  private readonly dataset: (datasetId: string) => LinkedDataset | null;
  private readonly publicComments: (problemId: string) => PublicComment[];

  constructor(options: InMemoryProblemStoreOptions = {}) {
    this.displayName = options.displayName ?? ((id) => `person ${id.slice(0, 8)}`);
    this.dataset = options.dataset ?? ((id) => ({ id, title: id, landingPage: null }));
    this.publicComments = options.publicComments ?? (() => []);
  }

  async create(input: NewProblem, at: Date): Promise<Problem> {
    const numbers = [...this.problems.values()]
      .filter((p) => p.communityId === input.communityId)
      .map((p) => p.number);
    const stored: StoredProblem = {
      ...input,
      id: randomUUID(),
      number: Math.max(0, ...numbers) + 1,
      status: "new",
      decline: null,
      duplicateOfId: null,
      assigneeId: null,
      hidden: false,
      voteCount: 0,
      cardVersion: 0,
      createdAt: at,
      updatedAt: at,
    };
    this.problems.set(stored.id, stored);
    this.followers.set(stored.id, new Set([input.submitterId]));
    this.votes.set(stored.id, new Set());
    this.pushEvent(stored.id, { kind: "submitted", actorId: input.submitterId, toStatus: "new", at });
    return this.view(stored);
  }

  async byNumber(communityId: string, number: number): Promise<Problem | null> {
    const found = [...this.problems.values()].find(
      (p) => p.communityId === communityId && p.number === number,
    );
    return found ? this.view(found) : null;
  }

  async byId(id: string): Promise<Problem | null> {
    const found = this.problems.get(id);
    return found ? this.view(found) : null;
  }

  async list(query: ProblemListQuery): Promise<{ items: Problem[]; total: number }> {
    const matching = [...this.problems.values()].filter(
      (p) =>
        p.communityId === query.communityId &&
        !p.hidden &&
        (query.includeClosed === true || isOpen(p.status)) &&
        (query.submitterId === undefined || p.submitterId === query.submitterId) &&
        (query.topic === undefined || p.topic === query.topic),
    );
    matching.sort((a, b) =>
      query.order === "top" ? b.voteCount - a.voteCount || b.number - a.number : b.number - a.number,
    );
    return {
      items: matching.slice(query.offset, query.offset + query.limit).map((p) => this.view(p)),
      total: matching.length,
    };
  }

  /** Problem ids whose stale-triage reminder was sent. */
  readonly staleReminded = new Set<string>();

  async awaitingTriage(
    communityId: string,
    filedBefore: Date,
    limit: number,
    options: { notRemindedOnly?: boolean } = {},
  ) {
    const matching = [...this.problems.values()]
      .filter(
        (p) =>
          p.communityId === communityId &&
          p.status === "new" &&
          p.assigneeId === null &&
          !p.hidden &&
          p.createdAt.getTime() < filedBefore.getTime() &&
          !(options.notRemindedOnly === true && this.staleReminded.has(p.id)),
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number);
    return { items: matching.slice(0, limit).map((p) => this.view(p)), total: matching.length };
  }

  async markStaleReminded(problemId: string): Promise<boolean> {
    if (this.staleReminded.has(problemId)) return false;
    this.staleReminded.add(problemId);
    return true;
  }

  async similarOpen(communityId: string, text: string, limit: number) {
    return [...this.problems.values()]
      .filter((p) => p.communityId === communityId && !p.hidden && isOpen(p.status))
      .map((p) => ({
        stored: p,
        score: Math.max(
          trigramSimilarity(p.title, text),
          trigramSimilarity(`${p.title} ${p.description}`, text),
          WORD_SIMILARITY_WEIGHT * wordSimilarity(p.title, text),
        ),
      }))
      .filter((candidate) => candidate.score >= SIMILAR_PROBLEM_MIN_SCORE)
      .sort((a, b) => b.score - a.score || b.stored.number - a.stored.number)
      .slice(0, limit)
      .map((candidate) => ({ problem: this.view(candidate.stored), score: candidate.score }));
  }

  async submissionsSince(communityId: string, submitterId: string, since: Date) {
    const mine = [...this.problems.values()].filter(
      (p) => p.communityId === communityId && p.submitterId === submitterId && p.createdAt >= since,
    );
    const latest = mine.reduce<Date | null>((max, p) => (max && max > p.createdAt ? max : p.createdAt), null);
    return { count: mine.length, latestAt: latest };
  }

  async vote(problemId: string, personId: string, at: Date) {
    const stored = this.get(problemId);
    const voters = this.votes.get(problemId) ?? new Set<string>();
    const counted = !voters.has(personId);
    if (counted) {
      voters.add(personId);
      this.votes.set(problemId, voters);
      stored.voteCount = voters.size;
      stored.cardVersion++;
      stored.updatedAt = at;
    }
    return { counted, problem: this.view(stored) };
  }

  async follow(problemId: string, personId: string, _at: Date): Promise<boolean> {
    this.get(problemId);
    const set = this.followers.get(problemId) ?? new Set<string>();
    this.followers.set(problemId, set);
    if (set.has(personId)) return false;
    set.add(personId);
    return true;
  }

  async unfollow(problemId: string, personId: string): Promise<boolean> {
    return this.followers.get(problemId)?.delete(personId) ?? false;
  }

  async followerIds(problemId: string): Promise<string[]> {
    return [...(this.followers.get(problemId) ?? [])];
  }

  async isFollowing(problemId: string, personId: string): Promise<boolean> {
    return this.followers.get(problemId)?.has(personId) ?? false;
  }

  async changeStatus(problemId: string, change: StatusChange) {
    const stored = this.get(problemId);
    if (stored.status !== change.from) return null;
    const original =
      change.to === "duplicate" && change.duplicateOfId ? this.get(change.duplicateOfId) : null;
    if (change.to === "duplicate" && !original) throw new Error("a duplicate needs the original's id");
    stored.status = change.to;
    stored.decline = change.to === "declined" ? (change.decline ?? null) : null;
    stored.duplicateOfId = original?.id ?? null;
    stored.cardVersion++;
    stored.updatedAt = change.at;
    if (original) {
      this.moveAll(this.votes, problemId, original.id);
      this.moveAll(this.followers, problemId, original.id);
      stored.voteCount = 0;
      original.voteCount = this.votes.get(original.id)?.size ?? 0;
      original.cardVersion++;
      original.updatedAt = change.at;
    }
    const event = this.pushEvent(problemId, {
      kind: "status_changed",
      actorId: change.actorId,
      fromStatus: change.from,
      toStatus: change.to,
      note: change.note,
      at: change.at,
    });
    return { problem: this.view(stored), event };
  }

  async recordEvent(
    problemId: string,
    event: { kind: ProblemEventKind; actorId: string | null; note: string | null; at: Date },
  ): Promise<ProblemEvent> {
    this.get(problemId);
    return this.pushEvent(problemId, event);
  }

  async linkDataset(problemId: string, datasetId: string): Promise<boolean> {
    const stored = this.get(problemId);
    if (!this.dataset(datasetId)) throw new Error(`no dataset ${datasetId}`);
    const linked = this.links.get(problemId) ?? [];
    if (linked.includes(datasetId)) return false;
    this.links.set(problemId, [...linked, datasetId]);
    stored.cardVersion++;
    return true;
  }

  async assign(problemId: string, assigneeId: string | null): Promise<Problem> {
    const stored = this.get(problemId);
    if (stored.assigneeId !== assigneeId) {
      stored.assigneeId = assigneeId;
      stored.cardVersion++;
    }
    return this.view(stored);
  }

  async setHidden(problemId: string, hidden: boolean): Promise<Problem> {
    const stored = this.get(problemId);
    if (stored.hidden !== hidden) {
      stored.hidden = hidden;
      stored.cardVersion++;
    }
    return this.view(stored);
  }

  async events(problemId: string): Promise<ProblemEvent[]> {
    return this.eventLog.filter((event) => event.problemId === problemId);
  }

  async exportPublic(communityId: string): Promise<PublicProblem[]> {
    return [...this.problems.values()]
      .filter((p) => p.communityId === communityId && !p.hidden)
      .sort((a, b) => a.number - b.number)
      .map((p) => ({
        number: p.number,
        title: p.title,
        description: p.description,
        status: p.status,
        topic: p.topic,
        place: p.place,
        votes: p.voteCount,
        declineReason: p.decline?.reason ?? null,
        duplicateOf: p.duplicateOfId ? (this.problems.get(p.duplicateOfId)?.number ?? null) : null,
        linkedDatasets: (this.links.get(p.id) ?? []).map((id) => this.dataset(id)?.title ?? id),
        comments: this.publicComments(p.id),
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      }));
  }

  /**
   * Account linking: everything `fromPersonId` did becomes `intoPersonId`'s, each person counted
   * once where both had voted or followed (what the SQL AccountLinks does in its transaction).
   */
  mergePerson(fromPersonId: string, intoPersonId: string): void {
    for (const [problemId, voters] of this.votes) {
      if (!voters.delete(fromPersonId)) continue;
      voters.add(intoPersonId);
      const stored = this.get(problemId);
      stored.voteCount = voters.size;
      stored.cardVersion++;
    }
    for (const set of this.followers.values()) {
      if (set.delete(fromPersonId)) set.add(intoPersonId);
    }
    for (const stored of this.problems.values()) {
      if (stored.submitterId === fromPersonId) stored.submitterId = intoPersonId;
      if (stored.assigneeId === fromPersonId) stored.assigneeId = intoPersonId;
    }
    for (const event of this.eventLog) {
      if (event.actorId === fromPersonId) event.actorId = intoPersonId;
    }
  }

  private moveAll(table: Map<string, Set<string>>, from: string, into: string): void {
    const target = table.get(into) ?? new Set<string>();
    for (const personId of table.get(from) ?? []) target.add(personId);
    table.set(into, target);
    table.set(from, new Set());
  }

  private pushEvent(
    problemId: string,
    event: {
      kind: ProblemEventKind;
      actorId: string | null;
      fromStatus?: ProblemEvent["fromStatus"];
      toStatus?: ProblemEvent["toStatus"];
      note?: string | null;
      at: Date;
    },
  ): ProblemEvent {
    const stored: ProblemEvent = {
      id: randomUUID(),
      problemId,
      kind: event.kind,
      actorId: event.actorId,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      note: event.note ?? null,
      createdAt: event.at,
    };
    this.eventLog.push(stored);
    return { ...stored };
  }

  private get(problemId: string): StoredProblem {
    const stored = this.problems.get(problemId);
    if (!stored) throw new Error(`no problem ${problemId}`);
    return stored;
  }

  private view(stored: StoredProblem): Problem {
    const { assigneeId, duplicateOfId, ...row } = stored;
    const original = duplicateOfId ? this.problems.get(duplicateOfId) : undefined;
    return {
      ...row,
      decline: row.decline ? { ...row.decline } : null,
      submitterName: this.displayName(row.submitterId),
      duplicateOf: original ? { id: original.id, number: original.number } : null,
      assignee: assigneeId ? { personId: assigneeId, displayName: this.displayName(assigneeId) } : null,
      followerCount: this.followers.get(row.id)?.size ?? 0,
      linkedDatasets: (this.links.get(row.id) ?? []).flatMap((id) => {
        const dataset = this.dataset(id);
        return dataset ? [{ ...dataset }] : [];
      }),
    };
  }
}

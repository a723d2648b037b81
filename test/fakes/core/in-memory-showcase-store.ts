import { randomUUID } from "node:crypto";
import type {
  NewShowcase,
  ShowcaseLink,
  ShowcaseReview,
  ShowcaseStore,
} from "../../../src/core/ports/showcase-store.js";
import {
  canTransitionShowcase,
  type Showcase,
  type ShowcaseContent,
  type ShowcaseStatus,
} from "../../../src/core/showcases/showcase.js";

type StoredShowcase = Omit<Showcase, "submitterName">;

export interface InMemoryShowcaseStoreOptions {
  displayName?: (personId: string) => string;
  /** Who voted for a problem (the problems fake's votes). */
  voters?: (problemId: string) => readonly string[];
}

/**
 * A stateful in-memory ShowcaseStore with the SQL store's rules: per-community numbers,
 * compare-and-set reviews that follow the status machine, resubmission only from
 * "changes requested", and dataset counts over published showcases only.
 */
export class InMemoryShowcaseStore implements ShowcaseStore {
  readonly showcases = new Map<string, StoredShowcase>();
  private readonly displayName: (personId: string) => string;
  private readonly voters: (problemId: string) => readonly string[];

  constructor(options: InMemoryShowcaseStoreOptions = {}) {
    this.displayName = options.displayName ?? ((id) => `person ${id.slice(0, 8)}`);
    this.voters = options.voters ?? (() => []);
  }

  private view(stored: StoredShowcase): Showcase {
    return structuredClone({ ...stored, submitterName: this.displayName(stored.submitterId) });
  }

  async create(input: NewShowcase, at: Date): Promise<Showcase> {
    const numbers = [...this.showcases.values()]
      .filter((s) => s.communityId === input.communityId)
      .map((s) => s.number);
    const { platform: _platform, ...content } = input;
    const stored: StoredShowcase = {
      ...structuredClone(content),
      id: randomUUID(),
      number: Math.max(0, ...numbers) + 1,
      status: "pending_review",
      reviewerId: null,
      reviewNote: null,
      revision: 0,
      submittedAt: at,
      publishedAt: null,
      updatedAt: at,
    };
    this.showcases.set(stored.id, stored);
    return this.view(stored);
  }

  async byId(id: string): Promise<Showcase | null> {
    const stored = this.showcases.get(id);
    return stored ? this.view(stored) : null;
  }

  async byNumber(communityId: string, number: number): Promise<Showcase | null> {
    const stored = [...this.showcases.values()].find(
      (s) => s.communityId === communityId && s.number === number,
    );
    return stored ? this.view(stored) : null;
  }

  async resubmit(id: string, content: ShowcaseContent, at: Date): Promise<Showcase | null> {
    const stored = this.showcases.get(id);
    if (stored?.status !== "changes_requested") return null;
    Object.assign(stored, structuredClone(content), {
      status: "pending_review",
      revision: stored.revision + 1,
      submittedAt: at,
      updatedAt: at,
    });
    return this.view(stored);
  }

  async review(id: string, review: ShowcaseReview): Promise<Showcase | null> {
    const stored = this.showcases.get(id);
    if (!stored || stored.status !== review.from || !canTransitionShowcase(review.from, review.to))
      return null;
    Object.assign(stored, {
      status: review.to,
      reviewerId: review.reviewerId,
      reviewNote: review.note,
      updatedAt: review.at,
      ...(review.to === "published" ? { publishedAt: review.at } : {}),
    });
    return this.view(stored);
  }

  async withdraw(id: string, from: ShowcaseStatus, at: Date): Promise<Showcase | null> {
    const stored = this.showcases.get(id);
    if (!stored || stored.status !== from || !canTransitionShowcase(from, "withdrawn")) return null;
    Object.assign(stored, { status: "withdrawn", updatedAt: at });
    return this.view(stored);
  }

  async publishedForDataset(
    communityId: string,
    datasetId: string,
    limit: number,
  ): Promise<{ total: number; items: ShowcaseLink[] }> {
    const published = [...this.showcases.values()]
      .filter(
        (s) =>
          s.communityId === communityId &&
          s.status === "published" &&
          s.datasets.some((d) => d.id === datasetId),
      )
      .sort(
        (a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || b.number - a.number,
      );
    return {
      total: published.length,
      items: published.slice(0, limit).map((s) => ({ number: s.number, title: s.title, link: s.link })),
    };
  }

  async problemVoterIds(problemId: string): Promise<string[]> {
    return [...this.voters(problemId)];
  }
}

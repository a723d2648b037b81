import type { AccountLinks } from "../../../src/core/ports/account-links.js";
import type { InMemoryFormDraftStore } from "./in-memory-form-draft-store.js";
import type { InMemoryPeopleRepository } from "./in-memory-people-repository.js";
import type { InMemoryProblemStore } from "./in-memory-problem-store.js";

interface StoredCode {
  personId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * In-memory AccountLinks that merges across the fakes it is given: the linking person's
 * accounts, memberships (roles and topics unioned), votes, follows, submissions and drafts move
 * to the code's person, who is counted once where both had voted; then the emptied person goes.
 */
export class InMemoryAccountLinks implements AccountLinks {
  /** code → its person and state. */
  readonly codes = new Map<string, StoredCode>();

  constructor(
    private readonly people: InMemoryPeopleRepository,
    private readonly problems?: InMemoryProblemStore,
    private readonly drafts?: InMemoryFormDraftStore,
  ) {}

  async issue(personId: string, code: string, expiresAt: Date): Promise<void> {
    for (const [known, stored] of this.codes) {
      if (stored.personId === personId && stored.usedAt === null) this.codes.delete(known);
    }
    this.codes.set(code, { personId, expiresAt, usedAt: null });
  }

  async redeem(code: string, personId: string, now: Date) {
    const stored = this.codes.get(code);
    if (!stored || stored.usedAt !== null) return { status: "unknown" as const };
    if (stored.expiresAt.getTime() <= now.getTime()) return { status: "expired" as const };
    if (stored.personId === personId) return { status: "same_person" as const };
    const into = stored.personId;
    this.mergePeople(personId, into);
    stored.usedAt = now;
    return { status: "linked" as const, intoPersonId: into };
  }

  private mergePeople(from: string, into: string): void {
    for (const account of this.people.accounts.values()) {
      if (account.personId === from) account.personId = into;
    }
    for (const [key, roles] of [...this.people.memberships]) {
      const [communityId, personId] = key.split(":") as [string, string];
      if (personId !== from) continue;
      const intoKey = `${communityId}:${into}`;
      const keptRoles = this.people.memberships.get(intoKey) ?? [];
      this.people.memberships.set(intoKey, [...new Set([...keptRoles, ...roles])]);
      const topics = [
        ...new Set([
          ...(this.people.membershipTopics.get(intoKey) ?? []),
          ...(this.people.membershipTopics.get(key) ?? []),
        ]),
      ];
      if (topics.length > 0) this.people.membershipTopics.set(intoKey, topics);
      this.people.memberships.delete(key);
      this.people.membershipTopics.delete(key);
    }
    this.problems?.mergePerson(from, into);
    this.drafts?.mergePerson(from, into);
    for (const [code, stored] of [...this.codes]) {
      if (stored.personId === from) this.codes.delete(code);
    }
    this.people.people.delete(from);
  }
}

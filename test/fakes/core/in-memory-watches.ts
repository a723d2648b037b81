import { randomUUID } from "node:crypto";
import type {
  DataMatch,
  DataMatchCandidate,
  DataMatchStore,
} from "../../../src/core/ports/data-match-store.js";
import type {
  NewWatch,
  RunNoticeBatch,
  Watch,
  WatchNotice,
  WatchStore,
} from "../../../src/core/ports/watch-store.js";

interface StoredWatch extends Watch {
  communityId: string;
  personId: string;
}

/**
 * Watches in memory. It knows no sync runs: tests that need a run's notices give them with
 * `runNotices` (the SQL store computes them; test/store/sql-watch-store.test.ts covers that).
 */
/** Per person, each dataset once, the first `limit` by title: what the SQL store returns. */
function batchesOf(notices: readonly WatchNotice[], limit: number): RunNoticeBatch[] {
  const byPerson = new Map<string, WatchNotice[]>();
  for (const notice of notices) {
    const mine = byPerson.get(notice.personId) ?? [];
    if (!mine.some((seen) => seen.datasetId === notice.datasetId)) mine.push(notice);
    byPerson.set(notice.personId, mine);
  }
  return [...byPerson].map(([personId, mine]) => ({
    personId,
    communityId: mine[0]?.communityId ?? "",
    notices: [...mine].sort((a, b) => a.datasetTitle.localeCompare(b.datasetTitle)).slice(0, limit),
    total: mine.length,
  }));
}

export class InMemoryWatchStore implements WatchStore {
  readonly watches: StoredWatch[] = [];
  readonly runNotices = new Map<string, WatchNotice[]>();
  /** The notices an overdue look finds (each needs `dueOn`); each person and spell is told once. */
  overdue: WatchNotice[] = [];
  private readonly spellsTold = new Set<string>();
  private readonly told = new Set<string>();
  /** When each person was told of a run: what retention forgets. */
  readonly recorded: { at: Date }[] = [];

  async add(watch: NewWatch, at: Date): Promise<{ watch: Watch; created: boolean }> {
    const same = this.watches.find(
      (w) =>
        w.personId === watch.personId &&
        w.communityId === watch.communityId &&
        w.kind === watch.kind &&
        w.target === watch.target,
    );
    if (same) return { watch: same, created: false };
    const stored: StoredWatch = { ...watch, id: randomUUID(), datasetTitle: null, createdAt: at };
    this.watches.push(stored);
    return { watch: stored, created: true };
  }

  async list(communityId: string, personId: string): Promise<Watch[]> {
    return this.watches.filter((w) => w.communityId === communityId && w.personId === personId);
  }

  async remove(communityId: string, personId: string, watchId: string): Promise<boolean> {
    const index = this.watches.findIndex(
      (w) => w.id === watchId && w.communityId === communityId && w.personId === personId,
    );
    if (index < 0) return false;
    this.watches.splice(index, 1);
    return true;
  }

  async recordRunNotices(runId: string, at: Date, limit: number): Promise<RunNoticeBatch[]> {
    if (this.told.has(runId)) return [];
    this.told.add(runId);
    const batches = batchesOf(this.runNotices.get(runId) ?? [], limit);
    this.recorded.push(...batches.map(() => ({ at })));
    return batches;
  }

  async recordOverdueNotices(now: Date, limit: number): Promise<RunNoticeBatch[]> {
    const fresh = this.overdue.filter((notice) => {
      const spell = `${notice.personId}:${notice.datasetId}:${notice.dueOn}`;
      if ((notice.dueOn ?? "") > now.toISOString().slice(0, 10) || this.spellsTold.has(spell)) return false;
      this.spellsTold.add(spell);
      return true;
    });
    return batchesOf(fresh, limit);
  }

  async purgeNoticesBefore(before: Date): Promise<number> {
    const kept = this.recorded.filter((notice) => notice.at >= before);
    const purged = this.recorded.length - kept.length;
    this.recorded.splice(0, this.recorded.length, ...kept);
    return purged;
  }
}

export class InMemoryDataMatchStore implements DataMatchStore {
  readonly matches: DataMatch[] = [];
  readonly changed = new Map<string, string[]>();

  async suggest(candidates: readonly DataMatchCandidate[], at: Date): Promise<DataMatch[]> {
    const fresh: DataMatch[] = [];
    for (const c of candidates) {
      if (this.matches.some((m) => m.problemId === c.problemId && m.datasetId === c.datasetId)) continue;
      const match: DataMatch = {
        id: randomUUID(),
        problemId: c.problemId,
        datasetId: c.datasetId,
        state: "suggested",
        score: c.score,
        createdAt: at,
      };
      this.matches.push(match);
      fresh.push(match);
    }
    return fresh;
  }

  async byId(id: string): Promise<DataMatch | null> {
    return this.matches.find((m) => m.id === id) ?? null;
  }

  async decide(id: string, to: "linked" | "rejected"): Promise<boolean> {
    // Only a suggestion can be decided, once: the compare-and-set the SQL store does.
    const match = this.matches.find((m) => m.id === id && m.state === "suggested");
    if (!match) return false;
    match.state = to;
    return true;
  }

  async changedInRun(runId: string): Promise<string[]> {
    return this.changed.get(runId) ?? [];
  }
}

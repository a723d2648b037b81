import { add, addDays, type Duration, differenceInCalendarDays, startOfDay } from "date-fns";
import { freshnessVerdict } from "../../../src/core/catalog/freshness.js";
import type { DataMatchState } from "../../../src/core/ports/data-match-store.js";
import type {
  DigestAccessRow,
  DigestDataMatchRow,
  DigestSource,
  DigestStatusChangeRow,
  DigestWindow,
  ImpactCounts,
  Listed,
} from "../../../src/core/ports/digest-source.js";
import { type DigestFacts, emptyDigestFacts } from "./digest-facts.js";

export { type DigestFacts, emptyDigestFacts } from "./digest-facts.js";

/** The first day a dataset is overdue (freshness.ts: due after one period, plus the grace). */
function overdueFrom(modified: Date, period: Duration): Date {
  const due = add(modified, period);
  const grace = Math.max(1, Math.round(differenceInCalendarDays(due, modified) / 5));
  return startOfDay(addDays(due, grace + 1));
}

const inWindow = (at: Date | null, window: DigestWindow) =>
  at !== null && at >= window.start && at < window.end;

function listed<Row>(rows: Row[], limit: number): Listed<Row> {
  return { rows: rows.slice(0, limit), total: rows.length };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? 0) + (sorted[Math.ceil(middle)] ?? 0)) / 2;
}

const PROBLEM_RESPONSES = new Set(["status_changed", "info_requested", "dataset_linked", "assigned"]);
const ACCESS_RESPONSES = new Set(["approved", "denied", "info_requested"]);

/** Answers every digest question by scanning the facts; `calls` lets tests see what was asked. */
export class InMemoryDigestSource implements DigestSource {
  calls: string[] = [];

  constructor(readonly facts: DigestFacts = emptyDigestFacts()) {}

  private problem(id: string) {
    const problem = this.facts.problems.find((candidate) => candidate.id === id);
    if (!problem) throw new Error(`no problem ${id}`);
    return problem;
  }

  private dataset(id: string) {
    const dataset = this.facts.datasets.find((candidate) => candidate.id === id);
    if (!dataset) throw new Error(`no dataset ${id}`);
    return dataset;
  }

  async newProblems(window: DigestWindow, limit: number) {
    this.calls.push("newProblems");
    const rows = this.facts.problems
      .filter((p) => p.communityId === window.communityId && !p.hidden && inWindow(p.createdAt, window))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number)
      .map((p) => ({
        number: p.number,
        title: p.title,
        topic: p.topic,
        votes: this.facts.votes.filter((v) => v.problemId === p.id).length,
      }));
    return listed(rows, limit);
  }

  async mostVoted(window: DigestWindow, limit: number) {
    this.calls.push("mostVoted");
    const counts = new Map<string, number>();
    for (const vote of this.facts.votes)
      if (inWindow(vote.createdAt, window)) counts.set(vote.problemId, (counts.get(vote.problemId) ?? 0) + 1);
    const rows = [...counts]
      .map(([id, votes]) => ({ problem: this.problem(id), votes }))
      .filter(({ problem }) => problem.communityId === window.communityId && !problem.hidden)
      .sort((a, b) => b.votes - a.votes || a.problem.number - b.problem.number)
      .map(({ problem, votes }) => ({
        number: problem.number,
        title: problem.title,
        topic: problem.topic,
        votes,
      }));
    return { rows: rows.slice(0, limit), total: rows.reduce((sum, row) => sum + row.votes, 0) };
  }

  async statusChanges(window: DigestWindow, limit: number) {
    this.calls.push("statusChanges");
    const rows = this.facts.problemEvents
      .filter(
        (e) =>
          e.kind === "status_changed" &&
          (e.toStatus === "accepted" || e.toStatus === "solved" || e.toStatus === "declined") &&
          inWindow(e.createdAt, window),
      )
      .map((e) => ({ event: e, problem: this.problem(e.problemId) }))
      .filter(({ problem }) => problem.communityId === window.communityId && !problem.hidden)
      .sort(
        (a, b) =>
          b.event.createdAt.getTime() - a.event.createdAt.getTime() || b.problem.number - a.problem.number,
      )
      .map(({ event, problem }): DigestStatusChangeRow => {
        const declined = event.toStatus === "declined" && problem.status === "declined";
        return {
          number: problem.number,
          title: problem.title,
          status: event.toStatus as DigestStatusChangeRow["status"],
          declineReason: declined ? problem.declineReason : null,
          declineDetail: declined ? problem.declineDetail : null,
          at: event.createdAt,
        };
      });
    const count = (status: DigestStatusChangeRow["status"]) =>
      rows.filter((row) => row.status === status).length;
    return {
      ...listed(rows, limit),
      counts: { accepted: count("accepted"), solved: count("solved"), declined: count("declined") },
    };
  }

  async showcasesPublished(window: DigestWindow, limit: number) {
    this.calls.push("showcasesPublished");
    const rows = this.facts.showcases
      .filter((s) => s.communityId === window.communityId && s.published && inWindow(s.publishedAt, window))
      .sort(
        (a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || b.number - a.number,
      )
      .map((s) => ({
        number: s.number,
        title: s.title,
        team: s.team,
        link: s.link,
        publishedAt: s.publishedAt as Date,
      }));
    return listed(rows, limit);
  }

  async datasetChanges(window: DigestWindow, limit: number) {
    this.calls.push("datasetChanges");
    const byDataset = new Map<string, { change: "added" | "updated"; finishedAt: Date }>();
    for (const change of this.facts.syncChanges) {
      if (change.change === "removed" || !inWindow(change.finishedAt, window)) continue;
      const dataset = this.dataset(change.datasetId);
      if (dataset.communityId !== window.communityId) continue;
      const seen = byDataset.get(change.datasetId);
      const better =
        !seen ||
        (change.change === "added" && seen.change === "updated") ||
        (change.change === seen.change && change.finishedAt > seen.finishedAt);
      if (better) byDataset.set(change.datasetId, { change: change.change, finishedAt: change.finishedAt });
    }
    const rows = [...byDataset]
      .map(([id, seen]) => ({ dataset: this.dataset(id), ...seen }))
      .filter(({ dataset }) => !dataset.removed)
      .sort(
        (a, b) =>
          Number(b.change === "added") - Number(a.change === "added") ||
          b.finishedAt.getTime() - a.finishedAt.getTime() ||
          a.dataset.title.localeCompare(b.dataset.title),
      )
      .map(({ dataset, change }) => ({
        title: dataset.title,
        key: dataset.key,
        sourceName: dataset.sourceName,
        landingPage: dataset.landingPage,
        change,
      }));
    const added = rows.filter((row) => row.change === "added").length;
    return { ...listed(rows, limit), added, updated: rows.length - added };
  }

  async overdueDatasets(communityId: string, at: Date, limit: number) {
    this.calls.push("overdueDatasets");
    const rows = this.facts.datasets
      .filter((d) => d.communityId === communityId && !d.removed)
      .flatMap((d) => {
        const verdict = freshnessVerdict(d.modified, d.accrualPeriodicity, at);
        return verdict.kind === "overdue" ? [{ d, from: overdueFrom(verdict.modified, verdict.period) }] : [];
      })
      .sort((a, b) => a.from.getTime() - b.from.getTime() || a.d.id.localeCompare(b.d.id))
      .map(({ d }) => ({
        title: d.title,
        key: d.key,
        sourceName: d.sourceName,
        landingPage: d.landingPage,
        modified: d.modified as Date,
        accrualPeriodicity: d.accrualPeriodicity as string,
      }));
    return listed(rows, limit);
  }

  async metadataGaps(window: DigestWindow, limit: number) {
    this.calls.push("metadataGaps");
    const rows = this.facts.gaps
      .map((gap) => ({ gap, dataset: this.dataset(gap.datasetId) }))
      .filter(
        ({ gap, dataset }) =>
          dataset.communityId === window.communityId && !dataset.removed && inWindow(gap.lastAskedAt, window),
      )
      .sort(
        (a, b) =>
          b.gap.count - a.gap.count ||
          b.gap.lastAskedAt.getTime() - a.gap.lastAskedAt.getTime() ||
          a.dataset.title.localeCompare(b.dataset.title),
      )
      .map(({ gap, dataset }) => ({
        datasetTitle: dataset.title,
        sourceName: dataset.sourceName,
        field: gap.field,
        count: gap.count,
      }));
    return listed(rows, limit);
  }

  async accessWaiting(communityId: string, at: Date, limit: number, waitingBefore?: Date) {
    this.calls.push(waitingBefore ? "slaBreaches" : "accessWaiting");
    const rows = this.facts.accessRequests
      .filter(
        (r) =>
          r.communityId === communityId &&
          r.createdAt < at &&
          (waitingBefore
            ? r.status === "pending" && r.waitingSince < waitingBefore
            : r.status === "pending" || r.status === "needs_info"),
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number)
      .map(
        (r): DigestAccessRow => ({
          number: r.number,
          datasetTitle: r.datasetTitle,
          status: r.status as DigestAccessRow["status"],
          createdAt: r.createdAt,
          waitingSince: r.waitingSince,
        }),
      );
    return listed(rows, limit);
  }

  async impactCounts(window: DigestWindow): Promise<ImpactCounts> {
    this.calls.push("impactCounts");
    const problems = this.facts.problems.filter((p) => p.communityId === window.communityId);
    const problemDelays = problems.flatMap((p) => {
      const first = this.facts.problemEvents
        .filter(
          (e) =>
            e.problemId === p.id &&
            PROBLEM_RESPONSES.has(e.kind) &&
            e.actorId !== null &&
            e.actorId !== p.submitterId,
        )
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
      return first && inWindow(first.createdAt, window)
        ? [(first.createdAt.getTime() - p.createdAt.getTime()) / 1000]
        : [];
    });
    const requests = this.facts.accessRequests.filter((r) => r.communityId === window.communityId);
    const accessDelays = requests.flatMap((r) => {
      const first = this.facts.audit
        .filter(
          (a) =>
            a.subjectId === r.id &&
            ACCESS_RESPONSES.has(a.action) &&
            a.actorId !== null &&
            a.actorId !== r.requesterId,
        )
        .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
      return first && inWindow(first.at, window) ? [(first.at.getTime() - r.createdAt.getTime()) / 1000] : [];
    });
    const ids = new Set(problems.map((p) => p.id));
    const solved = new Set(
      this.facts.problemEvents
        .filter(
          (e) =>
            ids.has(e.problemId) &&
            e.kind === "status_changed" &&
            e.toStatus === "solved" &&
            inWindow(e.createdAt, window),
        )
        .map((e) => e.problemId),
    );
    const linked = new Set([
      ...this.facts.problemDatasets
        .filter((l) => ids.has(l.problemId) && inWindow(l.createdAt, window))
        .map((l) => l.datasetId),
      ...this.facts.showcases
        .filter((s) => s.communityId === window.communityId && s.published && inWindow(s.publishedAt, window))
        .flatMap((s) => s.datasetIds),
    ]);
    // Problems matched to data: a dataset linked directly, or a suggested match linked.
    const links = [
      ...this.facts.problemDatasets.map((l) => ({ problemId: l.problemId, at: l.createdAt })),
      ...this.facts.dataMatches
        .filter((m) => m.state === "linked" && m.decidedAt !== null)
        .map((m) => ({ problemId: m.problemId, at: m.decidedAt as Date })),
    ].filter((l) => ids.has(l.problemId));
    const matched = new Set(links.filter((l) => inWindow(l.at, window)).map((l) => l.problemId));
    const matchDelays = [...matched].flatMap((problemId) => {
      const first = Math.min(...links.filter((l) => l.problemId === problemId).map((l) => l.at.getTime()));
      return first >= window.start.getTime()
        ? [(first - this.problem(problemId).createdAt.getTime()) / 1000]
        : [];
    });
    return {
      problemFirstResponses: problemDelays.length,
      problemFirstResponseMedianSeconds: median(problemDelays),
      accessFirstResponses: accessDelays.length,
      accessFirstResponseMedianSeconds: median(accessDelays),
      problemsSolved: solved.size,
      requestsDecided: this.facts.audit.filter(
        (a) =>
          a.communityId === window.communityId &&
          (a.action === "approved" || a.action === "denied") &&
          inWindow(a.at, window),
      ).length,
      datasetsLinked: linked.size,
      problemsMatched: matched.size,
      firstMatches: matchDelays.length,
      firstMatchMedianSeconds: median(matchDelays),
    };
  }

  async awaitingTriage(communityId: string, filedBefore: Date, limit: number) {
    this.calls.push("awaitingTriage");
    const rows = this.facts.problems
      .filter(
        (p) =>
          p.communityId === communityId &&
          p.status === "new" &&
          p.assigneeId === null &&
          !p.hidden &&
          p.createdAt < filedBefore,
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number)
      .map((p) => ({ number: p.number, title: p.title, createdAt: p.createdAt }));
    return listed(rows, limit);
  }

  async dataMatches(window: DigestWindow, limit: number) {
    this.calls.push("dataMatches");
    const shown = this.facts.dataMatches
      .filter((m) => inWindow(m.createdAt, window))
      .map((m) => ({ match: m, problem: this.problem(m.problemId) }))
      .filter(({ problem }) => problem.communityId === window.communityId && !problem.hidden)
      .sort(
        (a, b) =>
          b.match.createdAt.getTime() - a.match.createdAt.getTime() || b.problem.number - a.problem.number,
      );
    const counts: Record<DataMatchState, number> = { suggested: 0, linked: 0, rejected: 0 };
    for (const { match } of shown) counts[match.state] += 1;
    const rows = shown.map(({ match, problem }): DigestDataMatchRow => {
      const dataset = this.dataset(match.datasetId);
      return {
        problemNumber: problem.number,
        problemTitle: problem.title,
        datasetTitle: dataset.title,
        landingPage: dataset.landingPage,
        state: match.state,
      };
    });
    return { ...listed(rows, limit), counts };
  }
}

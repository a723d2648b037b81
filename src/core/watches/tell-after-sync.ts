import { askQuestion, searchesOf } from "../catalog/answer-dataset-question.js";
import { translator } from "../i18n/translator.js";
import type { Clock } from "../ports/clock.js";
import type { CommunityDirectory } from "../ports/community-directory.js";
import type { DataMatch, DataMatchCandidate, DataMatchStore } from "../ports/data-match-store.js";
import type { DatasetSearch } from "../ports/dataset-search.js";
import type { Logger } from "../ports/logger.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { ProblemStore } from "../ports/problem-store.js";
import type { UnitOfWork } from "../ports/unit-of-work.js";
import type { WatchStore } from "../ports/watch-store.js";
import type { Problem } from "../problems/problem.js";
import { contactLocale, dmAccount } from "../problems/problem-messages.js";
import { dataMatchPosts } from "./match-cards.js";
import { batchNotices, watchNoticesCard } from "./watch-notices.js";

export interface AfterSyncDeps {
  watches: WatchStore;
  dataMatches: DataMatchStore;
  problems: ProblemStore;
  datasetSearch: DatasetSearch;
  directory: CommunityDirectory;
  unitOfWork: UnitOfWork;
  clock: Clock;
  logger: Logger;
}

/** How many of a problem's confident answers count as matches: the same three intake shows. */
const MATCHES_PER_PROBLEM = 3;
const PROBLEM_PAGE = 200;

/**
 * After a sync run: tell watchers (one DM per person, through the outbox, keyed by the run, so
 * a retry enqueues nothing) and offer champions the open problems the new data may answer.
 */
export async function tellAfterSync(
  deps: AfterSyncDeps,
  sync: { communityId: string; runId: string },
): Promise<{ notified: number; matches: number }> {
  const config = await deps.directory.config(sync.communityId);
  const run = { ...sync, communityLocale: config.locale };
  const notified = await tellWatchers(deps, run);
  const matches = await suggestMatches(deps, run);
  return { notified, matches };
}

async function tellWatchers(
  deps: AfterSyncDeps,
  run: { communityId: string; runId: string; communityLocale: string },
): Promise<number> {
  const notices = await deps.watches.recordRunNotices(run.runId, deps.clock.now());
  if (notices.length === 0) return 0;
  const batches = batchNotices(notices);
  const contacts = await deps.directory.contacts([...batches.keys()]);
  const messages: OutboundMessage[] = [];
  for (const contact of contacts) {
    const account = dmAccount(contact);
    const mine = batches.get(contact.personId);
    if (!account || !mine) continue;
    const t = translator(contactLocale(contact, run.communityLocale));
    messages.push({
      dedupeKey: `watch:run:${run.runId}:to:${contact.personId}`,
      communityId: run.communityId,
      platform: account.platform,
      target: { kind: "user", userId: account.userId },
      card: watchNoticesCard(t, mine, account.platform),
    });
  }
  await deps.unitOfWork.run((tx) => tx.outbox.enqueue(messages));
  return messages.length;
}

async function openProblems(problems: ProblemStore, communityId: string): Promise<Problem[]> {
  const all: Problem[] = [];
  for (let offset = 0; ; offset += PROBLEM_PAGE) {
    const page = await problems.list({ communityId, order: "new", offset, limit: PROBLEM_PAGE });
    all.push(...page.items);
    if (page.items.length < PROBLEM_PAGE) return all;
  }
}

/** What intake's deflection asks for a problem: its title and description. */
export function questionOf(problem: Pick<Problem, "title" | "description">): string {
  return `${problem.title}. ${problem.description}`.slice(0, 500);
}

/**
 * Each open problem asked of the catalog as intake's deflection asks it (title and
 * description, confident answers only); a changed dataset among its first answers is a match.
 * Only problems one of the changed datasets could be found for are asked (one set-based check
 * for all of them): the answers of the others cannot contain a changed dataset, so skipping
 * them changes no match, and asking every open problem of a large catalog took minutes.
 */
async function suggestMatches(
  deps: AfterSyncDeps,
  run: { communityId: string; runId: string; communityLocale: string },
): Promise<number> {
  const changed = new Set(await deps.dataMatches.changedInRun(run.runId));
  if (changed.size === 0) return 0;
  const problems = await openProblems(deps.problems, run.communityId);
  const reachable = await deps.datasetSearch.questionsReaching(
    run.communityId,
    problems.map((problem) => ({ id: problem.id, searches: searchesOf(questionOf(problem)) })),
    [...changed],
  );
  const candidates: DataMatchCandidate[] = [];
  const byId = new Map(problems.map((problem) => [problem.id, problem]));
  const titles = new Map<string, string>();
  for (const problem of problems) {
    if (!reachable.has(problem.id)) continue;
    const question = questionOf(problem);
    const answer = await askQuestion(
      { datasetSearch: deps.datasetSearch, metadataGaps: { recordGap: async () => {} } },
      { question },
      run.communityId,
    ).catch((err: unknown) => {
      deps.logger.warn({ err, problemId: problem.id }, "matching a problem to new data failed");
      return null;
    });
    if (!answer?.confident) continue;
    for (const result of answer.results.slice(0, MATCHES_PER_PROBLEM)) {
      if (changed.has(result.dataset.id)) {
        candidates.push({
          problemId: problem.id,
          datasetId: result.dataset.id,
          runId: run.runId,
          score: result.score,
        });
        titles.set(result.dataset.id, result.dataset.title);
      }
    }
  }
  if (candidates.length === 0) return 0;
  const config = await deps.directory.config(run.communityId);
  return deps.unitOfWork.run(async (tx) => {
    const fresh: DataMatch[] = await tx.dataMatches.suggest(candidates, deps.clock.now());
    const messages = fresh.flatMap((match) => {
      const problem = byId.get(match.problemId);
      const title = titles.get(match.datasetId) ?? "";
      return problem ? dataMatchPosts(match, problem, title, config, run.communityLocale) : [];
    });
    await tx.outbox.enqueue(messages);
    return fresh.length;
  });
}

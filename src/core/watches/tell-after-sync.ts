import pLimit from "p-limit";
import { askQuestion, CONFIDENCE_THRESHOLD, searchesOf } from "../catalog/answer-dataset-question.js";
import { lowestSearchScoreFor } from "../catalog/named-dataset.js";
import type { Clock } from "../ports/clock.js";
import type { CommunityConfig, CommunityDirectory } from "../ports/community-directory.js";
import type { DataMatch, DataMatchCandidate, DataMatchStore } from "../ports/data-match-store.js";
import type { DatasetSearch } from "../ports/dataset-search.js";
import type { Logger } from "../ports/logger.js";
import type { ProblemStore } from "../ports/problem-store.js";
import type { UnitOfWork } from "../ports/unit-of-work.js";
import type { Problem } from "../problems/problem.js";
import { dataMatchPosts } from "./match-cards.js";
import { noticeMessages } from "./notice-messages.js";
import { NOTICES_PER_MESSAGE } from "./watch-notices.js";

export interface AfterSyncDeps {
  dataMatches: DataMatchStore;
  problems: ProblemStore;
  datasetSearch: DatasetSearch;
  directory: CommunityDirectory;
  unitOfWork: UnitOfWork;
  clock: Clock;
  logger: Logger;
}

/**
 * How many of a problem's confident answers count as matches: the same three intake shows. Each
 * must also be a plausible answer on its own (CONFIDENCE_THRESHOLD): new data ranked third
 * behind two good datasets, with a weak score of its own, is not worth a champion's look.
 */
const MATCHES_PER_PROBLEM = 3;
const PROBLEM_PAGE = 200;
/** Problems asked of the catalog at the same time when matching. */
const ASKED_AT_ONCE = 4;

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
  const matches = await suggestMatches(deps, run, config);
  return { notified, matches };
}

/** The watchers' half of tellAfterSync: one DM per person the run's changes reach. */
export async function tellWatchers(
  deps: Pick<AfterSyncDeps, "unitOfWork" | "clock">,
  run: { communityId: string; runId: string; communityLocale: string },
): Promise<number> {
  // Who was told and the messages that tell them commit together: a crash in between must
  // neither lose the DMs (recorded as told, never sent) nor send them twice.
  return deps.unitOfWork.run(async (tx) => {
    const batches = await tx.watches.recordRunNotices(run.runId, deps.clock.now(), NOTICES_PER_MESSAGE);
    const messages = await noticeMessages(tx, batches, {
      communityLocale: async () => run.communityLocale,
      dedupeKey: (batch) => `watch:run:${run.runId}:to:${batch.personId}`,
    });
    await tx.outbox.enqueue(messages);
    return messages.length;
  });
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
  config: CommunityConfig,
): Promise<number> {
  const changed = new Set(await deps.dataMatches.changedInRun(run.runId));
  if (changed.size === 0) return 0;
  const problems = await openProblems(deps.problems, run.communityId);
  const reachable = await deps.datasetSearch.questionsReaching(
    run.communityId,
    problems.map((problem) => ({ id: problem.id, searches: searchesOf(questionOf(problem)) })),
    [...changed],
    lowestSearchScoreFor(CONFIDENCE_THRESHOLD),
  );
  const candidates: DataMatchCandidate[] = [];
  const byId = new Map(problems.map((problem) => [problem.id, problem]));
  const titles = new Map<string, string>();
  // A few problems are asked at once: on Postgres each search is a round trip the pool can
  // overlap with the others' (PGlite runs them one after another either way). The answers are
  // read in problem order, so the matches do not depend on which finished first.
  const limit = pLimit(ASKED_AT_ONCE);
  const kept = problems.filter((problem) => reachable.has(problem.id));
  const answers = await Promise.all(
    kept.map((problem) =>
      limit(() =>
        askQuestion(
          { datasetSearch: deps.datasetSearch, metadataGaps: { recordGap: async () => {} } },
          { question: questionOf(problem) },
          run.communityId,
        ).catch((err: unknown) => {
          deps.logger.warn({ err, problemId: problem.id }, "matching a problem to new data failed");
          return null;
        }),
      ),
    ),
  );
  kept.forEach((problem, index) => {
    const answer = answers[index];
    if (!answer?.confident) return;
    for (const result of answer.results.slice(0, MATCHES_PER_PROBLEM)) {
      if (changed.has(result.dataset.id) && result.score >= CONFIDENCE_THRESHOLD) {
        candidates.push({
          problemId: problem.id,
          datasetId: result.dataset.id,
          runId: run.runId,
          score: result.score,
        });
        titles.set(result.dataset.id, result.dataset.title);
      }
    }
  });
  if (candidates.length === 0) return 0;
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

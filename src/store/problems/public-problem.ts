import type { Problem, PublicComment, PublicProblem } from "../../core/problems/problem.js";

/**
 * What a problem may show the public: an allow-list, so a field added to Problem later (a
 * person, a platform id) stays out of exports until someone decides it belongs there.
 */
export function toPublicProblem(problem: Problem, comments: PublicComment[] = []): PublicProblem {
  return {
    number: problem.number,
    title: problem.title,
    description: problem.description,
    status: problem.status,
    topic: problem.topic,
    place: problem.place,
    votes: problem.voteCount,
    declineReason: problem.decline?.reason ?? null,
    duplicateOf: problem.duplicateOf?.number ?? null,
    linkedDatasets: problem.linkedDatasets.map((dataset) => dataset.title),
    // The words and when, never who: comments carry no person (see PublicComment).
    comments,
    createdAt: problem.createdAt,
    updatedAt: problem.updatedAt,
  };
}

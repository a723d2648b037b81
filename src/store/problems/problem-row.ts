import { z } from "zod";
import {
  declineReasons,
  type Problem,
  type ProblemEvent,
  problemEventKinds,
  problemStatuses,
} from "../../core/problems/problem.js";
import { platformSchema } from "../../core/shared/platform.js";

/**
 * The columns of a Problem as the core sees it: its row plus the names of the people on it, the
 * original's number, the follower count and the linked datasets. Enum columns are read as text
 * so both drivers return plain strings.
 */
export const PROBLEM_SELECT = `
SELECT p."id", p."communityId", p."number", p."title", p."description", p."affected", p."place",
       p."topic", p."anonymous", p."submitterId", s."displayName" AS "submitterName",
       p."platform"::text AS "platform", p."status"::text AS "status",
       p."declineReason"::text AS "declineReason", p."declineDetail",
       p."duplicateOfId", o."number" AS "duplicateOfNumber",
       p."assigneeId", a."displayName" AS "assigneeName", p."hiddenAt", p."voteCount",
       (SELECT count(*)::int FROM "ProblemFollower" f WHERE f."problemId" = p."id") AS "followerCount",
       p."cardVersion",
       coalesce((SELECT jsonb_agg(jsonb_build_object('id', d."id", 'title', d."title", 'landingPage', d."landingPage")
                                  ORDER BY pd."createdAt", pd."id")
                   FROM "ProblemDataset" pd JOIN "Dataset" d ON d."id" = pd."datasetId"
                  WHERE pd."problemId" = p."id"), '[]'::jsonb) AS "linkedDatasets",
       p."createdAt", p."updatedAt"
  FROM "Problem" p
  JOIN "Person" s ON s."id" = p."submitterId"
  LEFT JOIN "Problem" o ON o."id" = p."duplicateOfId"
  LEFT JOIN "Person" a ON a."id" = p."assigneeId"`;

const problemRowSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  affected: z.string(),
  place: z.string().nullable(),
  topic: z.string().nullable(),
  anonymous: z.boolean(),
  submitterId: z.string(),
  submitterName: z.string(),
  platform: platformSchema,
  status: z.enum(problemStatuses),
  declineReason: z.enum(declineReasons).nullable(),
  declineDetail: z.string().nullable(),
  duplicateOfId: z.string().nullable(),
  duplicateOfNumber: z.number().int().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  hiddenAt: z.date().nullable(),
  voteCount: z.number().int(),
  followerCount: z.number().int(),
  cardVersion: z.number().int(),
  linkedDatasets: z.array(
    z.object({ id: z.string(), title: z.string(), landingPage: z.string().nullable() }),
  ),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export function toProblem(row: Record<string, unknown>): Problem {
  const r = problemRowSchema.parse(row);
  return {
    id: r.id,
    communityId: r.communityId,
    number: r.number,
    title: r.title,
    description: r.description,
    affected: r.affected,
    place: r.place,
    topic: r.topic,
    anonymous: r.anonymous,
    submitterId: r.submitterId,
    submitterName: r.submitterName,
    platform: r.platform,
    status: r.status,
    decline: r.declineReason ? { reason: r.declineReason, detail: r.declineDetail } : null,
    duplicateOf:
      r.duplicateOfId && r.duplicateOfNumber !== null
        ? { id: r.duplicateOfId, number: r.duplicateOfNumber }
        : null,
    assignee: r.assigneeId ? { personId: r.assigneeId, displayName: r.assigneeName ?? "" } : null,
    hidden: r.hiddenAt !== null,
    voteCount: r.voteCount,
    followerCount: r.followerCount,
    cardVersion: r.cardVersion,
    linkedDatasets: r.linkedDatasets,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const EVENT_COLUMNS = `"id", "problemId", "kind"::text AS "kind", "actorId",
  "fromStatus"::text AS "fromStatus", "toStatus"::text AS "toStatus", "note", "createdAt"`;

const eventRowSchema = z.object({
  id: z.string(),
  problemId: z.string(),
  kind: z.enum(problemEventKinds),
  actorId: z.string().nullable(),
  fromStatus: z.enum(problemStatuses).nullable(),
  toStatus: z.enum(problemStatuses).nullable(),
  note: z.string().nullable(),
  createdAt: z.date(),
});

export function toProblemEvent(row: Record<string, unknown>): ProblemEvent {
  return eventRowSchema.parse(row);
}

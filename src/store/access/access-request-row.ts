import { z } from "zod";
import {
  type AccessRequest,
  accessDurations,
  accessStatuses,
  routeLevels,
} from "../../core/access/access-request.js";
import { platformSchema } from "../../core/shared/platform.js";

/**
 * The columns of an AccessRequest as the core sees it: its row plus the requester's current name.
 * Enum columns are read as text so both drivers return plain strings; the JSON columns are
 * validated here because a row written by an older version must not reach the core half-shaped.
 */
export const ACCESS_REQUEST_SELECT = `
SELECT r."id", r."communityId", r."number", r."datasetId", r."datasetTitle", r."datasetLandingPage",
       r."requesterId", p."displayName" AS "requesterName", r."platform"::text AS "platform",
       r."communityLocale", r."details", r."status"::text AS "status", r."routes", r."decision",
       r."messages", r."grantExpiresAt", r."waitingSince", r."slaRound", r."cardVersion",
       r."createdAt", r."updatedAt"
  FROM "AccessRequest" r
  JOIN "Person" p ON p."id" = r."requesterId"`;

/** JSON stores dates as ISO strings; they come back as Dates. */
const jsonDate = z.coerce.date();

const routeStepSchema = z.object({
  level: z.enum(routeLevels),
  personIds: z.array(z.string()),
  topic: z.string().nullable(),
  targets: z.array(
    z.object({
      platform: z.enum(["slack", "discord"]),
      kind: z.enum(["user", "channel"]),
      id: z.string(),
      locale: z.string(),
    }),
  ),
  at: jsonDate,
});

const detailsSchema = z.object({
  purpose: z.string(),
  intendedUse: z.string(),
  organisation: z.string(),
  linkedProblem: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  durationMonths: z.literal(accessDurations),
  checklist: z.object({
    personalData: z.boolean(),
    thirdParties: z.boolean(),
    retentionPlan: z.string(),
    derivedPublished: z.boolean(),
  }),
  termsAccepted: z.literal(true),
});

const decisionSchema = z.object({
  outcome: z.enum(["approved", "denied"]),
  byId: z.string(),
  byName: z.string(),
  at: jsonDate,
  conditions: z.string().nullable(),
  expiresOn: z.string().nullable(),
  reason: z.string().nullable(),
});

const messageSchema = z.object({
  kind: z.enum(["question", "answer"]),
  byId: z.string(),
  text: z.string(),
  at: jsonDate,
});

const accessRequestRowSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  number: z.number().int(),
  datasetId: z.string(),
  datasetTitle: z.string(),
  datasetLandingPage: z.string().nullable(),
  requesterId: z.string(),
  requesterName: z.string(),
  platform: platformSchema,
  communityLocale: z.string(),
  details: detailsSchema,
  status: z.enum(accessStatuses),
  routes: z.array(routeStepSchema),
  decision: decisionSchema.nullable(),
  messages: z.array(messageSchema),
  grantExpiresAt: z.date().nullable(),
  waitingSince: z.date(),
  slaRound: z.number().int(),
  cardVersion: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export function toAccessRequest(row: Record<string, unknown>): AccessRequest {
  const r = accessRequestRowSchema.parse(row);
  return {
    id: r.id,
    communityId: r.communityId,
    number: r.number,
    dataset: { id: r.datasetId, title: r.datasetTitle, landingPage: r.datasetLandingPage },
    requesterId: r.requesterId,
    requesterName: r.requesterName,
    platform: r.platform,
    communityLocale: r.communityLocale,
    details: r.details,
    status: r.status,
    routes: r.routes,
    decision: r.decision,
    messages: r.messages,
    grantExpiresAt: r.grantExpiresAt,
    waitingSince: r.waitingSince,
    slaRound: r.slaRound,
    cardVersion: r.cardVersion,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

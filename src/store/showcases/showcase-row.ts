import { z } from "zod";
import { type Showcase, showcaseKinds, showcaseStatuses } from "../../core/showcases/showcase.js";

/**
 * The columns of a Showcase as the core sees it: its row, the submitter's name, and the datasets
 * and problems it links (in the order they were typed: ids are time-ordered). Enum columns are
 * read as text so both drivers return plain strings.
 */
export const SHOWCASE_SELECT = `
SELECT s."id", s."communityId", s."number", s."title", s."summary", s."link", s."imageUrl", s."team",
       s."kind"::text AS "kind", s."status"::text AS "status", s."submitterId",
       p."displayName" AS "submitterName", s."reviewerId", s."reviewNote", s."revision",
       s."submittedAt", s."publishedAt", s."updatedAt",
       coalesce((SELECT jsonb_agg(jsonb_build_object('id', d."id", 'title', d."title", 'landingPage', d."landingPage")
                                  ORDER BY sd."id")
                   FROM "ShowcaseDataset" sd JOIN "Dataset" d ON d."id" = sd."datasetId"
                  WHERE sd."showcaseId" = s."id"), '[]'::jsonb) AS "datasets",
       coalesce((SELECT jsonb_agg(jsonb_build_object('id', pr."id", 'number', pr."number", 'title', pr."title")
                                  ORDER BY sp."id")
                   FROM "ShowcaseProblem" sp JOIN "Problem" pr ON pr."id" = sp."problemId"
                  WHERE sp."showcaseId" = s."id"), '[]'::jsonb) AS "problems"
  FROM "Showcase" s
  JOIN "Person" p ON p."id" = s."submitterId"`;

const showcaseRowSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  link: z.string(),
  imageUrl: z.string().nullable(),
  team: z.string(),
  kind: z.enum(showcaseKinds),
  status: z.enum(showcaseStatuses),
  submitterId: z.string(),
  submitterName: z.string(),
  reviewerId: z.string().nullable(),
  reviewNote: z.string().nullable(),
  revision: z.number().int(),
  submittedAt: z.date(),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
  datasets: z.array(z.object({ id: z.string(), title: z.string(), landingPage: z.string().nullable() })),
  problems: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string() })),
});

export function toShowcase(row: Record<string, unknown>): Showcase {
  return showcaseRowSchema.parse(row);
}

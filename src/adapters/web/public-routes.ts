import type { ProblemStore } from "../../core/ports/problem-store.js";
import { exportProblems } from "../../core/problems/export-problems.js";
import type { HttpRoute } from "../../ops/http-routes.js";

export interface PublicRouteDeps {
  problems: Pick<ProblemStore, "exportPublic">;
  /** The community a `?community=<slug>` names, or the default one; null when unknown. */
  communityIdFor(slug: string | null): Promise<string | null>;
}

/**
 * The `?community=` of a public URL: null when absent (the default community), or the slug. A
 * value no slug could have comes back as one no community has ("!", outside the slug alphabet,
 * and a string the database accepts: NUL is refused by Postgres), so it is a 404, never a default.
 */
export function requestedCommunitySlug(url: URL): string | null {
  const slug = url.searchParams.get("community");
  if (slug === null || slug === "") return null;
  return /^[a-z0-9-]{1,64}$/.test(slug) ? slug : "!";
}

/**
 * Open data about the inventory itself, for anyone: `/public/problems.json` and `.csv`. Only
 * public fields (see exportProblems); cacheable for a minute, and readable from any origin so
 * dashboards and notebooks can fetch it.
 */
export function publicRoutes(deps: PublicRouteDeps): HttpRoute[] {
  const route = (format: "json" | "csv"): HttpRoute => ({
    path: `/public/problems.${format}`,
    method: "GET",
    async handler(req, res) {
      const url = new URL(req.url ?? "/", "http://localhost");
      try {
        const communityId = await deps.communityIdFor(requestedCommunitySlug(url));
        if (!communityId) {
          res.writeHead(404, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: "unknown community" }));
          return;
        }
        const body = await exportProblems(deps.problems, communityId, format);
        res.writeHead(200, {
          "content-type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
          "cache-control": "public, max-age=60",
          "access-control-allow-origin": "*",
          ...(format === "csv" ? { "content-disposition": 'attachment; filename="problems.csv"' } : {}),
        });
        res.end(body);
      } catch {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "temporarily unavailable" }));
      }
    },
  });
  return [route("json"), route("csv")];
}

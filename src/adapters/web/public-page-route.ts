import type { Clock } from "../../core/ports/clock.js";
import type { ProblemStore } from "../../core/ports/problem-store.js";
import type { PublicReads } from "../../core/ports/public-reads.js";
import type { HttpRoute } from "../../ops/http-routes.js";
import type { AppLogger } from "../../ops/logger.js";
import { renderCommunityNotFoundPage, renderPublicPage, renderUnavailablePage } from "./public-page.js";
import { requestedCommunitySlug } from "./public-routes.js";

export interface PublicPageDeps extends PublicReads {
  /** The export's own query, so the page shows exactly what the open-data export redacts to. */
  problems: Pick<ProblemStore, "exportPublic">;
  clock: Clock;
  logger: Pick<AppLogger, "error">;
}

const HTML = "text/html; charset=utf-8";

/**
 * The page needs no script, loads nothing from elsewhere and must never run what someone typed:
 * the policy says so to the browser too, as a second line behind escaping.
 */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/**
 * `GET /`: the community's public page (open problems with their votes, published showcases),
 * built on the server. Cached for a minute like the export: votes may lag that much.
 */
export function publicPageRoute(deps: PublicPageDeps): HttpRoute {
  return {
    path: "/",
    method: ["GET", "HEAD"],
    async handler(req, res) {
      const url = new URL(req.url ?? "/", "http://localhost");
      const slug = requestedCommunitySlug(url);
      let fallbackLocale = "en";
      try {
        const community = await deps.community(slug);
        if (!community) {
          fallbackLocale = (await deps.community(null))?.locale ?? "en";
          const typed = (url.searchParams.get("community") ?? "").slice(0, 64);
          res.writeHead(404, {
            "content-type": HTML,
            "cache-control": "public, max-age=60",
            ...SECURITY_HEADERS,
          });
          res.end(renderCommunityNotFoundPage(fallbackLocale, typed));
          return;
        }
        fallbackLocale = community.locale;
        const [problems, showcases] = await Promise.all([
          deps.problems.exportPublic(community.id),
          deps.publishedShowcases(community.id),
        ]);
        const html = renderPublicPage({
          community,
          requestedSlug: slug,
          problems,
          showcases,
          now: deps.clock.now(),
        });
        res.writeHead(200, {
          "content-type": HTML,
          "cache-control": "public, max-age=60",
          ...SECURITY_HEADERS,
        });
        res.end(html);
      } catch (err) {
        deps.logger.error({ err }, "the public page could not be built");
        res.writeHead(503, {
          "content-type": HTML,
          "cache-control": "no-store",
          "retry-after": "60",
          ...SECURITY_HEADERS,
        });
        res.end(renderUnavailablePage(fallbackLocale));
      }
    },
  };
}

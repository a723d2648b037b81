import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { PublicCommunity } from "../../core/ports/public-reads.js";
import type { PublicProblem } from "../../core/problems/problem.js";
import { startHttpServer } from "../../ops/http-routes.js";
import { type PublicPageDeps, publicPageRoute } from "./public-page-route.js";

const communities: PublicCommunity[] = [
  { id: "c-default", slug: "default", name: "Riverside", locale: "es", timezone: "UTC" },
  { id: "c-other", slug: "other-town", name: "Other Town", locale: "en", timezone: "UTC" },
];

const problem: PublicProblem = {
  number: 4,
  title: "Broken streetlights",
  description: "Where are they?",
  status: "new",
  topic: null,
  place: null,
  votes: 3,
  declineReason: null,
  duplicateOf: null,
  linkedDatasets: [],
  comments: [],
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-01T00:00:00Z"),
};

let server: Server | null = null;
const errors: unknown[] = [];

async function serve(overrides: Partial<PublicPageDeps> = {}): Promise<string> {
  const deps: PublicPageDeps = {
    problems: { exportPublic: async (id) => (id === "c-other" ? [problem] : []) },
    publishedShowcases: async () => [],
    community: async (slug) => communities.find((c) => c.slug === (slug ?? "default")) ?? null,
    clock: { now: () => new Date("2026-11-21T12:00:00Z") },
    logger: { error: (...args: unknown[]) => void errors.push(args) },
    ...overrides,
  } as PublicPageDeps;
  server = await startHttpServer([publicPageRoute(deps)], 0, "127.0.0.1");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  errors.length = 0;
});

describe("GET /", () => {
  it("serves another community's page as HTML, cacheable for a minute, under a no-script policy", async () => {
    const res = await fetch(`${await serve()}/?community=other-town`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain("Broken streetlights");
    expect(html).toContain('href="/public/problems.csv?community=other-town"');
  });

  it("answers an unknown or malformed community with a 404 page in the default community's language", async () => {
    const base = await serve();
    for (const slug of ["nowhere", "Bad%20Slug!", "x".repeat(80)]) {
      const res = await fetch(`${base}/?community=${slug}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('<html lang="es">');
      expect(html).toContain("Comunidad no encontrada");
    }
  });

  it("says the page is unavailable, without details, when the database fails", async () => {
    const base = await serve({
      problems: {
        exportPublic: async () => {
          throw new Error("connection refused at 10.0.0.5");
        },
      },
    });
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("No disponible por el momento");
    expect(html).not.toContain("10.0.0.5");
    expect(errors).toHaveLength(1);
  });

  it("answers HEAD without a body", async () => {
    const res = await fetch(`${await serve()}/`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });
});

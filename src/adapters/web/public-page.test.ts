import { describe, expect, it } from "vitest";
import type { PublicShowcase } from "../../core/ports/public-reads.js";
import type { PublicProblem } from "../../core/problems/problem.js";
import {
  escapeHtml,
  renderCommunityNotFoundPage,
  renderPublicPage,
  renderUnavailablePage,
  safeHref,
} from "./public-page.js";

function problem(overrides: Partial<PublicProblem> = {}): PublicProblem {
  return {
    number: 1,
    title: "Bus stops without shelter",
    description: "Which stops have no shelter?",
    status: "new",
    topic: "Transport",
    place: "Downtown",
    votes: 0,
    declineReason: null,
    duplicateOf: null,
    linkedDatasets: [],
    comments: [],
    createdAt: new Date("2026-11-20T23:30:00Z"),
    updatedAt: new Date("2026-11-20T23:30:00Z"),
    ...overrides,
  };
}

function showcase(overrides: Partial<PublicShowcase> = {}): PublicShowcase {
  return {
    number: 1,
    title: "Shelter map",
    summary: "A map of bus stops and their shelters.",
    link: "https://example.org/shelters",
    team: "Civic Lab",
    kind: "visualisation",
    publishedAt: new Date("2026-11-21T10:00:00Z"),
    problemNumbers: [1],
    ...overrides,
  };
}

const community = { id: "c1", slug: "default", name: "Chicago Open Data", locale: "en", timezone: "UTC" };
const now = new Date("2026-11-21T12:00:00Z");

describe("the public page", () => {
  it("declares the community's language and has a skip link to <main>", () => {
    const html = renderPublicPage({ community, requestedSlug: null, problems: [], showcases: [], now });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<a class="skip" href="#content">Skip to the content</a>');
    expect(html).toContain('<main id="content" tabindex="-1">');
    expect(html).toContain("No open problems right now.");
    expect(html).toContain("No showcases published yet.");
  });

  it("shows a script someone typed as text, in every field", () => {
    const evil = "<script>alert(1)</script>";
    const html = renderPublicPage({
      community: { ...community, name: `${evil} & co` },
      requestedSlug: null,
      problems: [
        problem({
          title: evil,
          description: evil,
          topic: evil,
          place: evil,
          linkedDatasets: [evil],
          comments: [{ body: evil, writtenAt: now, edited: false }],
        }),
      ],
      showcases: [showcase({ title: evil, summary: evil, team: evil })],
      now,
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
  });

  it("shows a problem's latest comments, unnamed, dated in the community's language", () => {
    const comments = Array.from({ length: 7 }, (_, i) => ({
      body: `comment ${i + 1}`,
      writtenAt: new Date(`2026-11-2${i % 2}T10:00:00Z`),
      edited: i === 6,
    }));
    const html = renderPublicPage({
      community: { ...community, locale: "es" },
      requestedSlug: null,
      problems: [problem({ comments })],
      showcases: [],
      now,
    });
    expect(html).toContain("<summary>Conversación (7)</summary>");
    expect(html).not.toContain("comment 2<");
    for (const n of [3, 4, 5, 6, 7]) expect(html).toContain(`<p>comment ${n}</p>`);
    expect(html).toContain("Una persona de la comunidad, <time");
    expect(html).toContain("(editado)");
    expect(
      renderPublicPage({ community, requestedSlug: null, problems: [problem()], showcases: [], now }),
    ).not.toContain("<details>");
  });

  it("links only http(s) showcase links; a javascript: link stays visible text", () => {
    const html = renderPublicPage({
      community,
      requestedSlug: null,
      problems: [],
      showcases: [showcase({ link: "javascript:alert(1)", title: "Bad link" })],
      now,
    });
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("Bad link <span");
    expect(safeHref('https://example.org/"onmouseover=x')).toBe("https://example.org/%22onmouseover=x");
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });

  it("lists only open problems, most votes first, with their counts", () => {
    const html = renderPublicPage({
      community,
      requestedSlug: null,
      problems: [
        problem({ number: 1, title: "Few votes", votes: 1 }),
        problem({ number: 2, title: "Many votes", votes: 7, status: "accepted" }),
        problem({ number: 3, title: "Already solved", votes: 50, status: "solved" }),
        problem({ number: 4, title: "Declined one", votes: 9, status: "declined" }),
      ],
      showcases: [],
      now,
    });
    expect(html.indexOf("Many votes")).toBeLessThan(html.indexOf("Few votes"));
    expect(html).toContain("7 votes");
    expect(html).toContain("1 vote</p>");
    expect(html).toContain("Status: Accepted");
    expect(html).not.toContain("Already solved");
    expect(html).not.toContain("Declined one");
  });

  it("speaks the community's language and writes dates in its time zone", () => {
    const html = renderPublicPage({
      community: { ...community, locale: "es", timezone: "America/Chicago" },
      requestedSlug: "ciudad",
      problems: [problem({ votes: 2 })],
      showcases: [showcase()],
      now,
    });
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Problemas abiertos");
    expect(html).toContain("2 votos");
    expect(html).toContain("Visualización");
    // 23:30 UTC on the 20th is still the 20th in Chicago, in Spanish.
    expect(html).toContain('<time datetime="2026-11-20T23:30:00.000Z">20 de noviembre de 2026</time>');
    expect(html).toContain('href="/public/problems.json?community=ciudad"');
    expect(html).toContain("Responde a los problemas: n.º 1");
  });

  it("cuts long descriptions on a character boundary", () => {
    const long = "é".repeat(400);
    const html = renderPublicPage({
      community,
      requestedSlug: null,
      problems: [problem({ description: long })],
      showcases: [],
      now,
    });
    expect(html).toContain(`${"é".repeat(280)}…`);
    expect(html).not.toContain("é".repeat(281));
  });

  it("has a friendly not-found page and an unavailable page, escaped", () => {
    const missing = renderCommunityNotFoundPage("es", "<b>x</b>");
    expect(missing).toContain('<html lang="es">');
    expect(missing).toContain("Comunidad no encontrada");
    expect(missing).toContain("«&lt;b&gt;x&lt;/b&gt;»");
    expect(renderUnavailablePage("fr")).toContain('<html lang="en">');
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

import { normalizeLocale, type SupportedLocale } from "../../core/i18n/locales.js";
import { type Translate, translator } from "../../core/i18n/translator.js";
import type { PublicCommunity, PublicShowcase } from "../../core/ports/public-reads.js";
import type { PublicProblem } from "../../core/problems/problem.js";
import { isOpen } from "../../core/problems/problem.js";

export interface PublicPageView {
  community: PublicCommunity;
  /** The `?community=` the visitor asked for; kept in links so they stay on that community. */
  requestedSlug: string | null;
  /** As the problem export gives them: hidden ones already left out, no person in them. */
  problems: readonly PublicProblem[];
  showcases: readonly PublicShowcase[];
  now: Date;
}

/** Longer descriptions are cut here: the page is a summary, the export has the whole text. */
const DESCRIPTION_LIMIT = 280;

/** Every field reaches the page through this: user text is data, never markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only http(s) links become links: a `javascript:` or `data:` URL someone typed stays text. */
export function safeHref(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function localeOf(community: Pick<PublicCommunity, "locale">): SupportedLocale {
  return normalizeLocale(community.locale) ?? "en";
}

/** Dates as the community reads them: its language and its time zone (a bad zone falls back to UTC). */
function dateFormatter(locale: SupportedLocale, timezone: string, withTime = false): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: "long", timeStyle: "short" }
    : { dateStyle: "long" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timezone });
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
  }
}

function time(date: Date, format: Intl.DateTimeFormat): string {
  return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(format.format(date))}</time>`;
}

/** A translated sentence around a date: the sentence is escaped, the <time> element is not. */
function sentenceWithTime(t: Translate, key: string, date: Date, format: Intl.DateTimeFormat): string {
  return escapeHtml(t(key, { date: "\u0000" })).replace("\u0000", time(date, format));
}

function shorten(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length <= DESCRIPTION_LIMIT
    ? chars.join("")
    : `${chars.slice(0, DESCRIPTION_LIMIT).join("").trimEnd()}…`;
}

/** Most supported first; ties by age, so the order is stable between visits. */
export function openProblemsByVotes(problems: readonly PublicProblem[]): PublicProblem[] {
  return problems.filter((p) => isOpen(p.status)).sort((a, b) => b.votes - a.votes || a.number - b.number);
}

function problemItem(problem: PublicProblem, t: Translate, dates: Intl.DateTimeFormat): string {
  const id = `problem-${problem.number}`;
  const meta = [
    t("publicPage:problems.status", { status: t(`problems:status.${problem.status}`) }),
    ...(problem.topic ? [t("publicPage:problems.topic", { topic: problem.topic })] : []),
    ...(problem.place ? [t("publicPage:problems.place", { place: problem.place })] : []),
    ...(problem.linkedDatasets.length > 0
      ? [t("publicPage:problems.datasets", { datasets: problem.linkedDatasets.join(", ") })]
      : []),
  ].map((line) => `<li>${escapeHtml(line)}</li>`);
  const filed = sentenceWithTime(t, "publicPage:problems.filed", problem.createdAt, dates);
  return `<li><article class="card" aria-labelledby="${id}">
<h3 id="${id}"><span class="ref">${escapeHtml(t("publicPage:problems.ref", { number: problem.number }))}</span> ${escapeHtml(problem.title)}</h3>
<p class="votes">${escapeHtml(t("publicPage:problems.votes", { count: problem.votes }))}</p>
<p>${escapeHtml(shorten(problem.description))}</p>
<ul class="meta">${meta.join("")}<li>${filed}</li></ul>${conversation(problem, t, dates)}
</article></li>`;
}

/** The latest comments shown; the export has them all. */
const COMMENTS_SHOWN = 5;

/** The problem's conversation, without names: the export's comments carry none. */
function conversation(problem: PublicProblem, t: Translate, dates: Intl.DateTimeFormat): string {
  if (problem.comments.length === 0) return "";
  const items = problem.comments.slice(-COMMENTS_SHOWN).map((comment) => {
    const edited = comment.edited ? ` ${escapeHtml(t("problemThreads:edited"))}` : "";
    return `<li><p>${escapeHtml(shorten(comment.body))}</p><p class="meta">${sentenceWithTime(t, "problemThreads:writtenOn", comment.writtenAt, dates)}${edited}</p></li>`;
  });
  return `
<details><summary>${escapeHtml(t("problemThreads:publicHeading", { count: problem.comments.length }))}</summary>
<ol class="comments">${items.join("")}</ol></details>`;
}

function showcaseItem(showcase: PublicShowcase, t: Translate, dates: Intl.DateTimeFormat): string {
  const id = `showcase-${showcase.number}`;
  const href = safeHref(showcase.link);
  const title = escapeHtml(showcase.title);
  const heading = href
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${title}</a>`
    : `${title} <span class="link">(${escapeHtml(showcase.link)})</span>`;
  const meta = [
    escapeHtml(t(`publicPage:showcases.kind.${showcase.kind}`)),
    escapeHtml(t("publicPage:showcases.by", { team: showcase.team })),
    ...(showcase.publishedAt
      ? [sentenceWithTime(t, "publicPage:showcases.published", showcase.publishedAt, dates)]
      : []),
    ...(showcase.problemNumbers.length > 0
      ? [
          escapeHtml(
            t("publicPage:showcases.addresses", {
              refs: showcase.problemNumbers
                .map((number) => t("publicPage:problems.ref", { number }))
                .join(", "),
            }),
          ),
        ]
      : []),
  ].map((line) => `<li>${line}</li>`);
  return `<li><article class="card" aria-labelledby="${id}">
<h3 id="${id}">${heading}</h3>
<p>${escapeHtml(shorten(showcase.summary))}</p>
<ul class="meta">${meta.join("")}</ul>
</article></li>`;
}

/**
 * Contrast: body text #1a1a1a and links #0b4f9c on white are above 7:1 (WCAG AAA); muted text
 * #4a4a4a is 8.9:1. Focus is always visible, and the skip link shows when focused.
 */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.35rem;margin-top:2rem}h3{font-size:1.1rem;margin:0 0 .25rem}
a{color:#0b4f9c}a:focus,main:focus{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem}
ol,ul.list{list-style:none;padding:0}
.card{border:1px solid #767676;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
.ref,.meta{color:#4a4a4a}.meta{padding-left:1.25rem;font-size:.95rem}
.votes{font-weight:700;margin:.25rem 0}
`;

function page(locale: SupportedLocale, title: string, body: string, skip: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${escapeHtml(skip)}</a>
${body}
</body>
</html>
`;
}

function communityQuery(slug: string | null): string {
  return slug ? `?community=${encodeURIComponent(slug)}` : "";
}

/** The whole public page, as a string: pure, so it is tested without a server or a browser. */
export function renderPublicPage(view: PublicPageView): string {
  const locale = localeOf(view.community);
  const t = translator(locale);
  const dates = dateFormatter(locale, view.community.timezone);
  const problems = openProblemsByVotes(view.problems);
  const problemList =
    problems.length > 0
      ? `<ol>${problems.map((p) => problemItem(p, t, dates)).join("\n")}</ol>`
      : `<p>${escapeHtml(t("publicPage:problems.empty"))}</p>`;
  const showcaseList =
    view.showcases.length > 0
      ? `<ul class="list">${view.showcases.map((s) => showcaseItem(s, t, dates)).join("\n")}</ul>`
      : `<p>${escapeHtml(t("publicPage:showcases.empty"))}</p>`;
  const query = communityQuery(view.requestedSlug);
  const updated = sentenceWithTime(
    t,
    "publicPage:footer.updated",
    view.now,
    dateFormatter(locale, view.community.timezone, true),
  );
  const body = `<header>
<h1>${escapeHtml(view.community.name)}</h1>
<p>${escapeHtml(t("publicPage:intro"))}</p>
</header>
<main id="content" tabindex="-1">
<section aria-labelledby="problems-heading">
<h2 id="problems-heading">${escapeHtml(t("publicPage:problems.heading"))}</h2>
${problemList}
</section>
<section aria-labelledby="showcases-heading">
<h2 id="showcases-heading">${escapeHtml(t("publicPage:showcases.heading"))}</h2>
${showcaseList}
</section>
</main>
<footer>
<p>${escapeHtml(t("publicPage:footer.data"))} <a href="/public/problems.json${escapeHtml(query)}">${escapeHtml(t("publicPage:footer.json"))}</a>, <a href="/public/problems.csv${escapeHtml(query)}">${escapeHtml(t("publicPage:footer.csv"))}</a>.</p>
<p>${updated}</p>
</footer>`;
  return page(
    locale,
    t("publicPage:title", { community: view.community.name }),
    body,
    t("publicPage:skipLink"),
  );
}

/** A friendly 404 for a `?community=` nobody runs here, in the default community's language. */
export function renderCommunityNotFoundPage(locale: string, slug: string): string {
  const lang = normalizeLocale(locale) ?? "en";
  const t = translator(lang);
  const body = `<main id="content" tabindex="-1">
<h1>${escapeHtml(t("publicPage:notFound.title"))}</h1>
<p>${escapeHtml(t("publicPage:notFound.body", { slug }))}</p>
<p><a href="/">${escapeHtml(t("publicPage:notFound.back"))}</a></p>
</main>`;
  return page(lang, t("publicPage:notFound.title"), body, t("publicPage:skipLink"));
}

/** When the database cannot answer: a calm page rather than a stack trace or a blank 500. */
export function renderUnavailablePage(locale: string): string {
  const lang = normalizeLocale(locale) ?? "en";
  const t = translator(lang);
  const body = `<main id="content" tabindex="-1">
<h1>${escapeHtml(t("publicPage:unavailable.title"))}</h1>
<p>${escapeHtml(t("publicPage:unavailable.body"))}</p>
</main>`;
  return page(lang, t("publicPage:unavailable.title"), body, t("publicPage:skipLink"));
}

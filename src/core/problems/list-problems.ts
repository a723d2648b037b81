import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { hasRole } from "../people/roles.js";
import type { ProblemListQuery } from "../ports/problem-store.js";
import type { Card, CardAction, CardBlock, Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { Choice, CommandArgs } from "../shared/handlers.js";
import { parseProblemNumber } from "./problem-access.js";
import { problemLine, publicProblemCard, triageProblemCard } from "./problem-cards.js";

export const PAGE_SIZE = 10;
const VIEWS = ["top", "new", "mine"] as const;
type View = { kind: (typeof VIEWS)[number] } | { kind: "topic"; index: number };

/**
 * `problems top|new|mine|<topic>|<#n>`: the inventory as lists of ten with Previous/Next
 * buttons, or one problem in full. A page button carries "view:page" (topic by index, since a
 * topic name may not fit a button), so paging never loses the view.
 */
function parseView(text: string, topics: readonly string[]): View | null {
  const wanted = text.trim().toLowerCase();
  if (wanted === "") return { kind: "top" };
  const builtIn = VIEWS.find((v) => v === wanted);
  if (builtIn) return { kind: builtIn };
  const index = topics.findIndex((topic) => topic.toLowerCase() === wanted);
  return index === -1 ? null : { kind: "topic", index };
}

function encodeView(view: View): string {
  return view.kind === "topic" ? `t${view.index}` : view.kind;
}

function decodeView(text: string): View | null {
  if ((VIEWS as readonly string[]).includes(text)) return { kind: text as (typeof VIEWS)[number] };
  const match = /^t(\d{1,2})$/.exec(text);
  return match ? { kind: "topic", index: Number(match[1]) } : null;
}

async function listPage(ctx: RequestContext, view: View, page: number): Promise<Card> {
  const { t } = ctx;
  const config = await ctx.deps.directory.config(ctx.community.id);
  const topic = view.kind === "topic" ? config.topics[view.index] : undefined;
  if (view.kind === "topic" && !topic) throw new DomainError("not_found", "problems:errors.unknownTopic");
  const query: ProblemListQuery = {
    communityId: ctx.community.id,
    order: view.kind === "new" ? "new" : "top",
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(view.kind === "mine" ? { submitterId: ctx.actor.personId, includeClosed: true } : {}),
    ...(topic ? { topic } : {}),
  };
  const { items, total } = await ctx.deps.problems.list(query);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const title = topic ? t("problems:list.titleTopic", { topic }) : t(`problems:list.title.${view.kind}`);
  const blocks: CardBlock[] = [{ type: "header", text: title }];
  if (items.length === 0) {
    blocks.push({
      type: "section",
      text: [
        t(view.kind === "mine" ? "problems:list.emptyMine" : "problems:list.empty", {
          command: invocationOf(ctx.identity.platform, "problem"),
        }),
      ],
    });
  } else {
    blocks.push({ type: "list", items: items.map((p) => problemLine(p, t)) });
    blocks.push({ type: "context", text: [t("problems:list.page", { page, pages, total })] });
  }
  const nav: CardAction[] = [];
  const value = (p: number) => `${encodeView(view)}:${p}`;
  if (page > 1)
    nav.push({
      kind: "button",
      actionId: "problem.page",
      label: t("problems:buttons.previous"),
      value: value(page - 1),
    });
  if (page < pages)
    nav.push({
      kind: "button",
      actionId: "problem.page",
      label: t("problems:buttons.next"),
      value: value(page + 1),
    });
  if (nav.length > 0) blocks.push({ type: "actions", actions: nav });
  return { fallbackText: title, blocks };
}

export async function problemsCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  const text = typeof args.view === "string" ? args.view : "";
  const page = typeof args.page === "number" && Number.isInteger(args.page) && args.page > 0 ? args.page : 1;
  const number = parseProblemNumber(text);
  if (number !== null) return showProblem(ctx, number);
  const config = await ctx.deps.directory.config(ctx.community.id);
  const view = parseView(text, config.topics);
  if (!view) {
    throw new DomainError("invalid_input", "problems:errors.unknownView", {
      view: text.trim(),
      views: [...VIEWS, ...config.topics].join(", "),
    });
  }
  return { kind: "card", visibility: "ephemeral", card: await listPage(ctx, view, page) };
}

async function showProblem(ctx: RequestContext, number: number): Promise<Reply> {
  const problem = await ctx.deps.problems.byNumber(ctx.community.id, number);
  const champion = hasRole(ctx.actor, "champion");
  if (!problem || (problem.hidden && !champion))
    throw new DomainError("not_found", "problems:errors.noSuchProblem", { ref: `#${number}` });
  const config = await ctx.deps.directory.config(ctx.community.id);
  const cardCtx = { t: ctx.t, timezone: config.timezone };
  return {
    kind: "card",
    visibility: "ephemeral",
    card: champion ? triageProblemCard(problem, cardCtx) : publicProblemCard(problem, cardCtx),
  };
}

/** Previous/Next: replaces the list in place. */
export async function pageProblems(ctx: RequestContext, value: string): Promise<Reply> {
  const [viewText = "", pageText = ""] = value.split(":");
  const view = decodeView(viewText);
  const page = Number(pageText);
  if (!view || !Number.isInteger(page) || page < 1 || page > 10_000)
    throw new DomainError("not_found", "errors:not_found");
  return { kind: "update", card: await listPage(ctx, view, page) };
}

export async function problemViewChoices(ctx: RequestContext, text: string): Promise<Choice[]> {
  const config = await ctx.deps.directory.config(ctx.community.id);
  const wanted = text.trim().toLowerCase();
  const builtIn = VIEWS.map((v) => ({ label: ctx.t(`problems:list.title.${v}`), value: v }));
  const topics = config.topics.map((topic) => ({ label: topic, value: topic }));
  return [...builtIn, ...topics].filter(
    (c) => wanted === "" || c.label.toLowerCase().includes(wanted) || c.value.toLowerCase().includes(wanted),
  );
}

export async function problemTopicChoices(ctx: RequestContext, text: string): Promise<Choice[]> {
  const config = await ctx.deps.directory.config(ctx.community.id);
  const wanted = text.trim().toLowerCase();
  return config.topics
    .filter((topic) => topic.toLowerCase().includes(wanted))
    .map((topic) => ({ label: topic, value: topic }));
}

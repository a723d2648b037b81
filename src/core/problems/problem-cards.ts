import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { Translate } from "../i18n/translator.js";
import type { Card, CardAction, CardBlock, RichText } from "../shared/card.js";
import { canTransition, isOpen, type Problem, type ProblemStatus } from "./problem.js";

/**
 * The cards of the problem inventory. Every title, description and name is a plain segment
 * (data the renderers escape), so "@everyone" in a problem stays text on every platform.
 */

const DESCRIPTION_PREVIEW = 600;

export interface CardContext {
  t: Translate;
  timezone: string;
}

export function problemRef(problem: Pick<Problem, "number">): string {
  return `#${problem.number}`;
}

function day(date: Date, timezone: string): string {
  return format(date, "yyyy-MM-dd", { in: tz(timezone) });
}

function preview(text: string, max = DESCRIPTION_PREVIEW): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function statusLabel(t: Translate, status: ProblemStatus): string {
  return t(`problems:status.${status}`);
}

function outcome(problem: Problem, ctx: CardContext): CardBlock[] {
  const { t } = ctx;
  if (problem.status === "duplicate" && problem.duplicateOf) {
    return [
      { type: "context", text: [t("problems:card.duplicateOf", { ref: problemRef(problem.duplicateOf) })] },
    ];
  }
  if (problem.status === "declined" && problem.decline) {
    const reason = t(`problems:declineReasons.${problem.decline.reason}`);
    const text: RichText = [{ text: t("problems:card.declined"), style: "bold" }, " ", reason];
    const detail = problem.decline.detail;
    if (detail) {
      text.push(" — ");
      text.push(/^https?:\/\//.test(detail) ? { text: detail, href: detail } : detail);
    }
    return [{ type: "section", text }];
  }
  return [];
}

/** The facts shown on every problem card. */
function facts(problem: Problem, ctx: CardContext): CardBlock[] {
  const { t } = ctx;
  const fields: { label: string; value: RichText }[] = [
    { label: t("problems:card.status"), value: [statusLabel(t, problem.status)] },
    { label: t("problems:card.votes"), value: [String(problem.voteCount)] },
    { label: t("problems:card.affected"), value: [problem.affected] },
  ];
  if (problem.place) fields.push({ label: t("problems:card.place"), value: [problem.place] });
  if (problem.topic) fields.push({ label: t("problems:card.topic"), value: [problem.topic] });
  if (problem.assignee)
    fields.push({ label: t("problems:card.assignee"), value: [problem.assignee.displayName] });
  const blocks: CardBlock[] = [
    { type: "header", text: `${problemRef(problem)} · ${problem.title}` },
    { type: "section", text: [preview(problem.description)] },
    { type: "fields", fields },
    ...outcome(problem, ctx),
  ];
  if (problem.linkedDatasets.length > 0) {
    blocks.push({ type: "context", text: [t("problems:card.datasets")] });
    blocks.push({
      type: "list",
      items: problem.linkedDatasets.map((d) => [
        d.landingPage ? { text: d.title, href: d.landingPage } : d.title,
      ]),
    });
  }
  const by = problem.anonymous ? t("problems:card.anonymous") : problem.submitterName;
  blocks.push({
    type: "context",
    text: [t("problems:card.submitted", { name: by, date: day(problem.createdAt, ctx.timezone) })],
  });
  return blocks;
}

function hiddenCard(problem: Problem, ctx: CardContext): Card {
  const text = ctx.t("problems:card.hidden", { ref: problemRef(problem) });
  return { fallbackText: text, accent: "warning", blocks: [{ type: "context", text: [text] }] };
}

function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): CardAction {
  return { kind: "button", actionId, label, value, ...(style ? { style } : {}) };
}

/** The card in the problems channel: anyone can vote and follow while it is open. */
export function publicProblemCard(problem: Problem, ctx: CardContext): Card {
  if (problem.hidden) return hiddenCard(problem, ctx);
  const { t } = ctx;
  const blocks = facts(problem, ctx);
  if (isOpen(problem.status)) {
    blocks.push({
      type: "actions",
      actions: [
        button(
          "problem.vote",
          t("problems:buttons.vote", { count: problem.voteCount }),
          problem.id,
          "primary",
        ),
        button("problem.follow", t("problems:buttons.follow"), problem.id),
        button("problem.triage", t("problems:buttons.triage"), problem.id),
      ],
    });
  }
  return {
    fallbackText: `${problemRef(problem)} ${problem.title} (${statusLabel(t, problem.status)}, ${problem.voteCount})`,
    accent: accentOf(problem.status),
    blocks,
  };
}

function accentOf(status: ProblemStatus): Card["accent"] {
  if (status === "solved") return "success";
  if (status === "declined" || status === "duplicate") return "danger";
  if (status === "needs_info") return "warning";
  return "info";
}

/** Triage buttons the problem's status allows: a champion is never offered an illegal move. */
export function triageActions(problem: Problem, t: Translate): CardAction[] {
  const actions: CardAction[] = [];
  const to = (status: ProblemStatus, actionId: string, key: string, style?: "primary" | "danger") => {
    if (canTransition(problem.status, status))
      actions.push(button(actionId, t(`problems:buttons.${key}`), problem.id, style));
  };
  to(
    "accepted",
    "problem.accept",
    problem.status === "new" || problem.status === "needs_info" ? "accept" : "reopen",
    "primary",
  );
  to("needs_info", "problem.ask", "askInfo");
  to("in_progress", "problem.progress", "inProgress");
  to("solved", "problem.solve", "solve");
  to("duplicate", "problem.duplicate", "duplicate");
  to("declined", "problem.decline", "decline", "danger");
  if (isOpen(problem.status)) {
    actions.push(button("problem.link", t("problems:buttons.linkDataset"), problem.id));
    actions.push(button("problem.assign", t("problems:buttons.assign"), problem.id));
  }
  actions.push(
    button(
      problem.hidden ? "problem.unhide" : "problem.hide",
      t(`problems:buttons.${problem.hidden ? "unhide" : "hide"}`),
      problem.id,
    ),
  );
  return actions;
}

/** What champions see: the facts, who is pinged, and every move the status allows. */
export function triageProblemCard(problem: Problem, ctx: CardContext, ping: RichText = []): Card {
  const { t } = ctx;
  const blocks: CardBlock[] = [];
  if (ping.length > 0) blocks.push({ type: "section", text: ping });
  if (problem.hidden) blocks.push({ type: "context", text: [t("problems:card.hiddenForChampions")] });
  blocks.push(...facts(problem, ctx));
  blocks.push({ type: "actions", actions: triageActions(problem, t) });
  return {
    fallbackText: t("problems:triage.fallback", { ref: problemRef(problem), title: problem.title }),
    accent: accentOf(problem.status),
    blocks,
  };
}

/** A short line for lists and deflection: "#12 Title · 4 votes · Accepted". */
export function problemLine(problem: Problem, t: Translate): RichText {
  return [
    { text: problemRef(problem), style: "bold" },
    " ",
    problem.title,
    ` · ${t("problems:card.voteCount", { count: problem.voteCount })} · ${statusLabel(t, problem.status)}`,
  ];
}

import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { licenseOf } from "../catalog/field-answer.js";
import type { Translate } from "../i18n/translator.js";
import type { CatalogDataset } from "../ports/dataset-search.js";
import type { Card, CardAction, CardBlock, RichText } from "../shared/card.js";
import {
  type AccessRequest,
  type AccessStatus,
  accessRef,
  canTransitionAccess,
  currentRoute,
  isOpenAccess,
} from "./access-request.js";
import { routeRole } from "./access-routing.js";

/**
 * The cards of access requests. Everything people typed is a plain segment (data the renderers
 * escape). Review cards carry request details, so they only ever go to the requester, the people
 * a request is routed to, or the private triage channel (see access-messages.ts).
 */

const NOTE_LENGTH = 300;

export function day(date: Date, timezone: string): string {
  return format(date, "yyyy-MM-dd", { in: tz(timezone) });
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function statusLabel(t: Translate, status: AccessStatus): string {
  return t(`access:status.${status}`);
}

function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): CardAction {
  return { kind: "button", actionId, label, value, ...(style ? { style } : {}) };
}

function accentOf(status: AccessStatus): Card["accent"] {
  if (status === "approved") return "success";
  if (status === "denied" || status === "expired") return "danger";
  if (status === "needs_info") return "warning";
  return "info";
}

function accessLevelText(t: Translate, level: string): string {
  if (level === "public") return t("access:levels.public");
  return t(level === "restricted public" ? "access:levels.restricted" : "access:levels.nonPublic");
}

/**
 * Before the form: what the dataset's publisher says about using it (licence, access level,
 * usage notes and conditions), so the requester knows what they are agreeing to.
 */
export function constraintsCard(t: Translate, dataset: CatalogDataset, open: AccessRequest | null): Card {
  const blocks: CardBlock[] = [
    { type: "header", text: t("access:constraints.title", { title: dataset.title }) },
    { type: "section", text: [t("access:constraints.intro")] },
    {
      type: "fields",
      fields: [
        {
          label: t("access:constraints.license"),
          value: [licenseOf(dataset) ?? t("access:constraints.noLicense")],
        },
        { label: t("access:constraints.accessLevel"), value: [accessLevelText(t, dataset.accessLevel)] },
      ],
    },
  ];
  const notes = dataset.usageNotes.filter((note) => note.trim() !== "").slice(0, 5);
  blocks.push({ type: "section", text: [{ text: t("access:constraints.notes"), style: "bold" }] });
  blocks.push(
    notes.length > 0
      ? { type: "list", items: notes.map((note) => [cut(note.trim(), NOTE_LENGTH)]) }
      : { type: "context", text: [t("access:constraints.noNotes")] },
  );
  if (open) {
    blocks.push({ type: "section", text: [t("access:constraints.alreadyOpen", { ref: accessRef(open) })] });
    blocks.push({
      type: "actions",
      actions: [button("access.withdraw", t("access:buttons.withdraw"), open.id, "danger")],
    });
  } else {
    blocks.push({ type: "context", text: [t("access:constraints.next")] });
    blocks.push({
      type: "actions",
      actions: [button("access.form", t("access:buttons.continue"), dataset.id, "primary")],
    });
  }
  return { fallbackText: t("access:constraints.title", { title: dataset.title }), accent: "info", blocks };
}

export function publicDatasetCard(t: Translate, dataset: CatalogDataset): Card {
  const text = t("access:constraints.isPublic", { title: dataset.title });
  const blocks: CardBlock[] = [{ type: "section", text: [text] }];
  if (dataset.landingPage && /^https?:\/\//.test(dataset.landingPage))
    blocks.push({
      type: "actions",
      actions: [{ kind: "link", label: t("access:buttons.open"), url: dataset.landingPage }],
    });
  return { fallbackText: text, accent: "success", blocks };
}

function yes(t: Translate, value: boolean): string {
  return t(value ? "access:form.yes" : "access:form.no");
}

/** The request's details as the people deciding need them. */
function detailBlocks(t: Translate, request: AccessRequest): CardBlock[] {
  const { details } = request;
  const fields: { label: string; value: RichText }[] = [
    { label: t("access:card.organisation"), value: [details.organisation] },
    { label: t("access:card.duration"), value: [t("access:form.months", { count: details.durationMonths })] },
    { label: t("access:card.personalData"), value: [yes(t, details.checklist.personalData)] },
    { label: t("access:card.thirdParties"), value: [yes(t, details.checklist.thirdParties)] },
    { label: t("access:card.derivedPublished"), value: [yes(t, details.checklist.derivedPublished)] },
    { label: t("access:card.terms"), value: [t("access:card.termsAccepted")] },
  ];
  if (details.linkedProblem)
    fields.push({ label: t("access:card.problem"), value: [`#${details.linkedProblem.number}`] });
  return [
    { type: "fields", fields },
    { type: "section", text: [{ text: t("access:card.purpose"), style: "bold" }, " ", details.purpose] },
    {
      type: "section",
      text: [{ text: t("access:card.intendedUse"), style: "bold" }, " ", details.intendedUse],
    },
    {
      type: "section",
      text: [{ text: t("access:card.retention"), style: "bold" }, " ", details.checklist.retentionPlan],
    },
  ];
}

function conversationBlocks(t: Translate, request: AccessRequest): CardBlock[] {
  if (request.messages.length === 0) return [];
  return [
    {
      type: "list",
      items: request.messages.map((m) => [
        { text: t(m.kind === "question" ? "access:card.question" : "access:card.answer"), style: "bold" },
        " ",
        m.text,
      ]),
    },
  ];
}

/** What became of it, said on the card for everyone who had it. */
function outcomeBlocks(t: Translate, request: AccessRequest, timezone: string): CardBlock[] {
  const decision = request.decision;
  switch (request.status) {
    case "approved":
    case "expired": {
      if (!decision) return [];
      const text: RichText = [
        {
          text: t("access:card.approvedBy", { name: decision.byName, date: day(decision.at, timezone) }),
          style: "bold",
        },
      ];
      if (decision.expiresOn) text.push(" ", t("access:card.until", { date: decision.expiresOn }));
      const blocks: CardBlock[] = [{ type: "section", text }];
      if (decision.conditions)
        blocks.push({
          type: "section",
          text: [{ text: t("access:card.conditions"), style: "bold" }, " ", decision.conditions],
        });
      if (request.status === "expired") blocks.push({ type: "context", text: [t("access:card.expired")] });
      return blocks;
    }
    case "denied":
      return decision
        ? [
            {
              type: "section",
              text: [
                {
                  text: t("access:card.deniedBy", {
                    name: decision.byName,
                    date: day(decision.at, timezone),
                  }),
                  style: "bold",
                },
                " ",
                decision.reason ?? "",
              ],
            },
          ]
        : [];
    case "withdrawn":
      return [{ type: "section", text: [{ text: t("access:card.withdrawn"), style: "bold" }] }];
    case "resolved_public":
      return [{ type: "section", text: [{ text: t("access:card.resolvedPublic"), style: "bold" }] }];
    case "pending":
    case "needs_info":
      return [];
  }
}

/** Approve / Needs info / Deny, as the status allows. */
export function decisionActions(t: Translate, request: AccessRequest): CardAction[] {
  const actions: CardAction[] = [];
  if (canTransitionAccess(request.status, "approved"))
    actions.push(button("access.approve", t("access:buttons.approve"), request.id, "primary"));
  if (canTransitionAccess(request.status, "needs_info"))
    actions.push(button("access.ask", t("access:buttons.askInfo"), request.id));
  if (canTransitionAccess(request.status, "denied"))
    actions.push(button("access.deny", t("access:buttons.deny"), request.id, "danger"));
  return actions;
}

/**
 * The card the people deciding get (DM or the private triage channel), edited in place as the
 * request changes: details, the questions and answers, the outcome, and the decision buttons.
 */
export function reviewCard(t: Translate, request: AccessRequest, timezone: string, intro?: string): Card {
  const ref = accessRef(request);
  const route = currentRoute(request);
  const blocks: CardBlock[] = [];
  if (intro) blocks.push({ type: "section", text: [{ text: intro, style: "bold" }] });
  blocks.push(
    { type: "header", text: `${ref} · ${request.dataset.title}` },
    {
      type: "section",
      text: [t("access:card.asks", { name: request.requesterName, count: request.details.durationMonths })],
    },
    ...detailBlocks(t, request),
    ...conversationBlocks(t, request),
    ...outcomeBlocks(t, request, timezone),
    {
      type: "context",
      text: [
        t("access:card.statusLine", {
          status: statusLabel(t, request.status),
          role: route ? routeRole(t, route) : "—",
          date: day(request.createdAt, timezone),
        }),
      ],
    },
  );
  const actions = decisionActions(t, request);
  if (actions.length > 0) blocks.push({ type: "actions", actions });
  return {
    fallbackText: t("access:card.fallback", { ref, title: request.dataset.title }),
    accent: accentOf(request.status),
    blocks,
  };
}

/** One line of the requester's list: "AR-3 Title · Waiting for a decision (the dataset's steward)". */
export function requestLine(t: Translate, request: AccessRequest, timezone: string): RichText {
  const route = currentRoute(request);
  const where = isOpenAccess(request.status) && route ? ` (${routeRole(t, route)})` : "";
  const until =
    request.status === "approved" && request.decision?.expiresOn
      ? ` · ${t("access:card.until", { date: request.decision.expiresOn })}`
      : "";
  return [
    { text: accessRef(request), style: "bold" },
    " ",
    request.dataset.title,
    ` · ${statusLabel(t, request.status)}${where}${until} · ${day(request.createdAt, timezone)}`,
  ];
}

import type { Translate } from "../i18n/translator.js";
import type { Card, CardAction, CardBlock } from "../shared/card.js";
import { type AccessRequest, accessRef, type RouteStep } from "./access-request.js";
import { routeRole } from "./access-routing.js";

/**
 * The messages people get about a request: the requester at each step (by DM), and the people
 * deciding when it needs them again (a reminder, an answer to their question).
 */

function header(request: AccessRequest): CardBlock {
  return { type: "header", text: `${accessRef(request)} · ${request.dataset.title}` };
}

function card(text: string, blocks: CardBlock[], accent?: Card["accent"]): Card {
  return { fallbackText: text, ...(accent ? { accent } : {}), blocks };
}

function openLink(t: Translate, request: AccessRequest): CardBlock[] {
  const url = request.dataset.landingPage;
  return url && /^https?:\/\//.test(url)
    ? [{ type: "actions", actions: [{ kind: "link", label: t("access:buttons.open"), url }] }]
    : [];
}

function reviewButton(t: Translate, request: AccessRequest): CardBlock {
  const action: CardAction = {
    kind: "button",
    actionId: "access.review",
    label: t("access:buttons.review"),
    value: request.id,
    style: "primary",
  };
  return { type: "actions", actions: [action] };
}

/** The requester's receipt: the request went to a role (never a name or an address). */
export function submittedDm(t: Translate, request: AccessRequest): Card {
  const step = request.routes[0];
  const text = t("access:sent.body", {
    ref: accessRef(request),
    title: request.dataset.title,
    role: step ? routeRole(t, step) : "—",
  });
  return card(text, [header(request), { type: "section", text: [text] }]);
}

export function approvedDm(t: Translate, request: AccessRequest): Card {
  const decision = request.decision;
  const text = t("access:dm.approved", {
    ref: accessRef(request),
    title: request.dataset.title,
    name: decision?.byName ?? "—",
    date: decision?.expiresOn ?? "—",
  });
  const blocks: CardBlock[] = [header(request), { type: "section", text: [text] }];
  if (decision?.conditions)
    blocks.push({
      type: "section",
      text: [{ text: t("access:card.conditions"), style: "bold" }, " ", decision.conditions],
    });
  return card(text, [...blocks, ...openLink(t, request)], "success");
}

export function deniedDm(t: Translate, request: AccessRequest): Card {
  const text = t("access:dm.denied", {
    ref: accessRef(request),
    title: request.dataset.title,
    name: request.decision?.byName ?? "—",
  });
  return card(
    text,
    [
      header(request),
      { type: "section", text: [text] },
      {
        type: "section",
        text: [{ text: t("access:dm.reason"), style: "bold" }, " ", request.decision?.reason ?? ""],
      },
    ],
    "danger",
  );
}

export function questionDm(t: Translate, request: AccessRequest, question: string, askerName: string): Card {
  const text = t("access:dm.question", { ref: accessRef(request), name: askerName });
  return card(
    text,
    [
      header(request),
      { type: "section", text: [text] },
      { type: "section", text: [{ text: t("access:card.question"), style: "bold" }, " ", question] },
      {
        type: "actions",
        actions: [
          {
            kind: "button",
            actionId: "access.answer",
            label: t("access:buttons.answer"),
            value: request.id,
            style: "primary",
          },
        ],
      },
    ],
    "warning",
  );
}

/** To the people deciding: the requester answered, the request is back with them. */
export function answeredNote(t: Translate, request: AccessRequest, answer: string): Card {
  const text = t("access:notes.answered", { ref: accessRef(request), name: request.requesterName });
  return card(text, [
    { type: "section", text: [{ text, style: "bold" }] },
    { type: "section", text: [answer] },
    reviewButton(t, request),
  ]);
}

export function reminderNote(t: Translate, request: AccessRequest, days: number): Card {
  const text = t("access:notes.reminder", {
    ref: accessRef(request),
    title: request.dataset.title,
    count: days,
  });
  return card(text, [{ type: "section", text: [text] }, reviewButton(t, request)], "warning");
}

/** The intro on the review card a step further up gets when a request is escalated to it. */
export function escalatedIntro(t: Translate, from: RouteStep, days: number): string {
  return t("access:notes.escalated", { role: routeRole(t, from), count: days });
}

export function stillWaitingDm(t: Translate, request: AccessRequest, step: RouteStep, moved: boolean): Card {
  const text = t(moved ? "access:dm.escalated" : "access:dm.stillWaiting", {
    ref: accessRef(request),
    title: request.dataset.title,
    role: routeRole(t, step),
  });
  return card(text, [header(request), { type: "section", text: [text] }]);
}

export function expiryNoticeDm(t: Translate, request: AccessRequest): Card {
  const text = t("access:dm.expiresSoon", {
    ref: accessRef(request),
    title: request.dataset.title,
    date: request.decision?.expiresOn ?? "—",
  });
  return card(text, [header(request), { type: "section", text: [text] }], "warning");
}

export function expiredDm(t: Translate, request: AccessRequest): Card {
  const text = t("access:dm.expired", {
    ref: accessRef(request),
    title: request.dataset.title,
    date: request.decision?.expiresOn ?? "—",
  });
  return card(text, [header(request), { type: "section", text: [text] }], "danger");
}

export function resolvedDm(t: Translate, request: AccessRequest): Card {
  const text = t("access:dm.resolvedPublic", { ref: accessRef(request), title: request.dataset.title });
  return card(text, [header(request), { type: "section", text: [text] }, ...openLink(t, request)], "success");
}

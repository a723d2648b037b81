import type { Translate } from "../i18n/translator.js";
import type { Card, CardAction, CardBlock, RichText } from "../shared/card.js";
import { type Showcase, type ShowcaseProblemRef, showcaseRef } from "./showcase.js";

/**
 * The cards of showcases. Titles, summaries, team names and links are user text: plain segments
 * (escaped by every renderer) or `href`s the form already checked are http(s), so "@everyone" in
 * a title stays text on every platform.
 */

const SUMMARY_PREVIEW = 600;

function preview(text: string, max = SUMMARY_PREVIEW): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): CardAction {
  return { kind: "button", actionId, label, value, ...(style ? { style } : {}) };
}

/** The submitter's way to take a showcase back while it is in review or waiting for changes. */
export function withdrawButton(t: Translate, showcase: Pick<Showcase, "id">): CardAction {
  return button("showcase.withdraw", t("showcases:buttons.withdraw"), showcase.id, "danger");
}

export function problemRefs(problems: readonly Pick<ShowcaseProblemRef, "number">[]): string {
  return problems.map((p) => `#${p.number}`).join(", ");
}

function datasetList(showcase: Showcase): RichText {
  const text: RichText = [];
  showcase.datasets.forEach((dataset, i) => {
    if (i > 0) text.push(", ");
    text.push(dataset.landingPage ? { text: dataset.title, href: dataset.landingPage } : dataset.title);
  });
  return text;
}

/** What every showcase card shows: the summary, the image, and the facts. */
function body(t: Translate, showcase: Showcase): CardBlock[] {
  const blocks: CardBlock[] = [
    { type: "header", text: `${showcaseRef(showcase)} · ${showcase.title}` },
    { type: "section", text: [preview(showcase.summary)] },
  ];
  if (showcase.imageUrl) {
    blocks.push({
      type: "image",
      url: showcase.imageUrl,
      alt: t("showcases:card.imageAlt", { title: showcase.title }),
    });
  }
  const fields: { label: string; value: RichText }[] = [
    { label: t("showcases:card.team"), value: [showcase.team] },
    { label: t("showcases:card.kind"), value: [t(`showcases:kinds.${showcase.kind}`)] },
    { label: t("showcases:card.link"), value: [{ text: showcase.link, href: showcase.link }] },
  ];
  if (showcase.datasets.length > 0)
    fields.push({ label: t("showcases:card.datasets"), value: datasetList(showcase) });
  if (showcase.problems.length > 0) {
    fields.push({
      label: t("showcases:card.problems"),
      value: [showcase.problems.map((p) => `#${p.number} ${p.title}`).join("; ")],
    });
  }
  blocks.push({ type: "fields", fields });
  return blocks;
}

/** The champions' card in the triage channel: everything, and the three decisions. */
export function reviewCard(t: Translate, showcase: Showcase): Card {
  const ref = showcaseRef(showcase);
  return {
    fallbackText: t("showcases:review.fallback", { ref, title: showcase.title }),
    accent: "info",
    blocks: [
      ...body(t, showcase),
      {
        type: "context",
        text: [
          t(showcase.revision > 0 ? "showcases:review.resubmittedBy" : "showcases:review.submittedBy", {
            name: showcase.submitterName,
          }),
        ],
      },
      {
        type: "actions",
        actions: [
          button("showcase.approve", t("showcases:buttons.approve"), showcase.id, "primary"),
          button("showcase.changes", t("showcases:buttons.changes"), showcase.id),
          button("showcase.reject", t("showcases:buttons.reject"), showcase.id, "danger"),
        ],
      },
    ],
  };
}

const decidedAccent: Partial<Record<Showcase["status"], Card["accent"]>> = {
  published: "success",
  rejected: "danger",
  changes_requested: "warning",
};

/** The review card once decided: no buttons, the outcome and who decided. */
export function reviewedCard(t: Translate, showcase: Showcase, reviewerName: string): Card {
  const outcome = t(`showcases:reviewed.${showcase.status}`, { name: reviewerName });
  const blocks: CardBlock[] = [
    ...body(t, showcase),
    { type: "section", text: [{ text: outcome, style: "bold" }] },
  ];
  // A withdrawal ends the round; what a champion once asked no longer applies.
  if (showcase.reviewNote && showcase.status !== "withdrawn")
    blocks.push({ type: "context", text: [showcase.reviewNote] });
  const accent = decidedAccent[showcase.status];
  return { fallbackText: `${showcaseRef(showcase)} · ${outcome}`, ...(accent ? { accent } : {}), blocks };
}

/** The public card in each showcase channel. */
export function publishedCard(t: Translate, showcase: Showcase): Card {
  return {
    fallbackText: t("showcases:published.fallback", { title: showcase.title, team: showcase.team }),
    accent: "success",
    blocks: [
      ...body(t, showcase),
      {
        type: "actions",
        actions: [{ kind: "link", label: t("showcases:buttons.open"), url: showcase.link }],
      },
    ],
  };
}

/** The reviewer's question after publishing a showcase that addresses problems. */
export function solvePrompt(t: Translate, showcase: Showcase): CardBlock[] {
  const refs = problemRefs(showcase.problems);
  return [
    { type: "section", text: [t("showcases:solve.question", { refs, count: showcase.problems.length })] },
    {
      type: "actions",
      actions: [button("showcase.solve", t("showcases:buttons.solve", { refs }), showcase.id, "primary")],
    },
  ];
}

/** To the submitter: what the champion asks to change, and the way back into the form. */
export function changesRequestedDm(t: Translate, showcase: Showcase): Card {
  const ref = showcaseRef(showcase);
  const text = t("showcases:dm.changesRequested", { ref, title: showcase.title });
  return {
    fallbackText: text,
    accent: "warning",
    blocks: [
      { type: "section", text: [text] },
      ...(showcase.reviewNote ? [{ type: "section" as const, text: [showcase.reviewNote] }] : []),
      {
        type: "actions",
        actions: [
          button("showcase.revise", t("showcases:buttons.revise"), showcase.id, "primary"),
          withdrawButton(t, showcase),
        ],
      },
    ],
  };
}

export function rejectedDm(t: Translate, showcase: Showcase): Card {
  const text = t("showcases:dm.rejected", { ref: showcaseRef(showcase), title: showcase.title });
  return {
    fallbackText: text,
    accent: "danger",
    blocks: [
      { type: "section", text: [text] },
      ...(showcase.reviewNote ? [{ type: "section" as const, text: [showcase.reviewNote] }] : []),
    ],
  };
}

export function publishedDm(t: Translate, showcase: Showcase): Card {
  const text = t("showcases:dm.published", { ref: showcaseRef(showcase), title: showcase.title });
  return { fallbackText: text, accent: "success", blocks: [{ type: "section", text: [text] }] };
}

/** To a problem's voters and followers when a showcase solves it (besides the status DM). */
export function solvedByShowcaseNote(t: Translate, showcase: Showcase): string {
  return t("showcases:solve.note", {
    ref: showcaseRef(showcase),
    title: showcase.title,
    link: showcase.link,
  });
}

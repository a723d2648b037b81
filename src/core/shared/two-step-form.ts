import type { z } from "zod";
import type { Card } from "./card.js";

/**
 * What the two-step forms (access requests, showcases) share: Discord modals hold five fields, so
 * step one is kept as a form draft and a card offers step two. Each capability words its own
 * errors and buttons; the shapes and the once-per-field rule live here so the two cannot drift.
 */

/** A step's values read and checked: the input, or a message per field to show beside it. */
export type Parsed<T> = { ok: true; input: T } | { ok: false; errors: Record<string, string> };

export type FieldIssue = z.ZodError["issues"][number];

/**
 * Per-field messages, so each error shows beside its field: the first issue of each field is
 * worded by `message`; an issue without a path belongs to `fallbackField`.
 */
export function fieldErrors(
  error: z.ZodError,
  fallbackField: string,
  message: (field: string, issue: FieldIssue) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? fallbackField);
    if (!errors[field]) errors[field] = message(field, issue);
  }
  return errors;
}

export interface StepTwoButtons {
  /** Opens step two; the primary button. */
  next: { actionId: string; label: string };
  /** Reopens step one with what was typed. */
  edit: { actionId: string; label: string };
  /** Drops the draft. */
  cancel: { actionId: string; label: string };
}

/** The card between the steps: what step two is, and its three buttons, each carrying the draft. */
export function stepTwoCard(text: string, draftId: string, buttons: StepTwoButtons): Card {
  return {
    fallbackText: text,
    accent: "info",
    blocks: [
      { type: "section", text: [text] },
      {
        type: "actions",
        actions: [
          { kind: "button", ...buttons.next, value: draftId, style: "primary" },
          { kind: "button", ...buttons.edit, value: draftId },
          { kind: "button", ...buttons.cancel, value: draftId },
        ],
      },
    ],
  };
}

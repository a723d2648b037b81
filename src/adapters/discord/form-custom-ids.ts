import { z } from "zod";
import { CUSTOM_ID_MAX_LENGTH } from "./button-custom-id.js";

/**
 * How forms travel through Discord custom_ids (≤ 100 characters each):
 *
 * - a modal: "form:<formId>:<context>", so its submission routes back to the core's form handler
 *   with no state kept here (the form id never contains ":", the context may);
 * - a button that opens a form kept in memory ("~form:<id>"), for the times Discord does not let
 *   us show a modal directly. "~" cannot start a card action id, so it never collides with one.
 */

const MODAL_PREFIX = "form:";
const PENDING_FORM_PREFIX = "~form:";

/**
 * Ends the custom_id of a select that takes several values (a form's multiselect), so the
 * submission is read as all its values rather than the first (field ids never contain it).
 */
export const MULTISELECT_SUFFIX = "[]";

export function encodeModalCustomId(formId: string, context: string): string {
  const customId = `${MODAL_PREFIX}${formId}:${context}`;
  // Forms cap the form id at 40 and the context at 58, which together can still be 4 too many.
  if (customId.length > CUSTOM_ID_MAX_LENGTH) {
    throw new Error(
      `form "${formId}" with a ${context.length}-character context does not fit a Discord custom_id`,
    );
  }
  return customId;
}

const modalCustomIdSchema = z
  .string()
  .max(CUSTOM_ID_MAX_LENGTH)
  .regex(/^form:[a-z][a-z0-9_.-]{0,39}:[\s\S]{0,58}$/)
  .transform((customId) => {
    const rest = customId.slice(MODAL_PREFIX.length);
    const separator = rest.indexOf(":");
    return { formId: rest.slice(0, separator), context: rest.slice(separator + 1) };
  });

/** The form a modal's custom_id names, or null when it is not one of ours. */
export function decodeModalCustomId(customId: unknown): { formId: string; context: string } | null {
  const parsed = modalCustomIdSchema.safeParse(customId);
  return parsed.success ? parsed.data : null;
}

export function encodePendingFormCustomId(id: string): string {
  return `${PENDING_FORM_PREFIX}${id}`;
}

/** The id of a kept form a button opens, or null when the custom_id is not such a button. */
export function decodePendingFormCustomId(customId: string): string | null {
  if (!customId.startsWith(PENDING_FORM_PREFIX)) return null;
  const id = customId.slice(PENDING_FORM_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,40}$/.test(id) ? id : null;
}

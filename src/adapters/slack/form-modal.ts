import type { types } from "@slack/bolt";
import { z } from "zod";
import type { Form, FormField, FormValues } from "../../core/shared/form.js";
import { capLength } from "./inbound-text.js";
import { toPlainText } from "./mrkdwn.js";

/**
 * Neutral forms ↔ Slack modals. Pure functions: a Form becomes a modal view (one input block per
 * field, block_id = field id) and a view_submission's state comes back as FormValues.
 *
 * What the core needs to route the submission (form id, its short context, the channel the form
 * was opened from so the answer can land there) rides in `private_metadata`. It holds only ids
 * and the core's own references, never anything a person typed: Slack hands the metadata back
 * verbatim, and a forged submission can put anything there, so it is validated on the way in.
 */

/** Every datadesk modal has this callback_id; the form id is in the metadata. */
export const FORM_CALLBACK_ID = "datadesk.form";

/** The one element in each input block; the block id says which field it is. */
const VALUE_ACTION_ID = "value";
/**
 * A multiselect's checkboxes: their own action id, so reading them back never confuses them with
 * a single checkbox (which answers "true"/"false").
 */
const VALUES_ACTION_ID = "values";
/** Slack's checkboxes element holds at most this many options. */
const MAX_CHECKBOXES = 10;

/** Block Kit limits for inputs (https://docs.slack.dev/reference/block-kit). */
export const MODAL_LIMITS = {
  title: 24,
  submit: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  inputLength: 3000,
  optionText: 75,
  privateMetadata: 3000,
} as const;

const slackId = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/i);

export const formMetadataSchema = z.object({
  formId: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/),
  context: z.string().max(58),
  channelId: slackId.optional(),
});
export type FormMetadata = z.infer<typeof formMetadataSchema>;

/** The metadata Slack handed back, or null when it is not one of ours. */
export function readFormMetadata(raw: string): FormMetadata | null {
  try {
    const parsed = formMetadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function plainText(text: string, maxLength: number): types.PlainTextElement {
  return { type: "plain_text", text: toPlainText(text, maxLength), emoji: true };
}

function option(label: string, value: string): types.PlainTextOption {
  return { text: plainText(label, MODAL_LIMITS.optionText), value };
}

/** Slack refuses max_length/min_length above 3000, and an initial value longer than max_length. */
function textInput(field: FormField): types.PlainTextInput {
  const maxLength = Math.min(field.maxLength ?? MODAL_LIMITS.inputLength, MODAL_LIMITS.inputLength);
  const element: types.PlainTextInput = { type: "plain_text_input", action_id: VALUE_ACTION_ID };
  if (field.kind === "multiline") element.multiline = true;
  if (field.placeholder) element.placeholder = plainText(field.placeholder, MODAL_LIMITS.placeholder);
  if (field.initialValue) element.initial_value = inertRawText(capLength(field.initialValue, maxLength));
  if (field.maxLength !== undefined) element.max_length = maxLength;
  if (field.minLength !== undefined && field.minLength > 0)
    element.min_length = Math.min(field.minLength, maxLength);
  return element;
}

/**
 * An input's value and a modal error are shown as written (entity-escaping would show "&amp;")
 * and Slack does not parse them, but they may hold user text: a joiner after "<" (and in
 * "@here") keeps a literal "<!channel>", "<@U1>" or "<http://x|y>" from ever being markup,
 * should the text be echoed somewhere else.
 */
export function inertRawText(text: string): string {
  return text
    .replace(/<(?=[!@#]|[a-z][a-z0-9+.-]*:)/gi, "<\u200D")
    .replace(/@(here|channel|everyone)\b/gi, "@\u200D$1");
}

function selectInput(field: FormField): types.StaticSelect {
  const options = (field.options ?? []).map((o) => option(o.label, o.value));
  const element: types.StaticSelect = { type: "static_select", action_id: VALUE_ACTION_ID, options };
  if (field.placeholder) element.placeholder = plainText(field.placeholder, MODAL_LIMITS.placeholder);
  const initial = options.find((o) => o.value === field.initialValue);
  if (initial) element.initial_option = initial;
  return element;
}

/** One box, ticked = "true". Its text is the hint ("Don't show my name") when there is one. */
function checkboxInput(field: FormField): types.Checkboxes {
  const box = option(field.hint ?? field.label, "true");
  const element: types.Checkboxes = { type: "checkboxes", action_id: VALUE_ACTION_ID, options: [box] };
  if (field.initialValue === "true") element.initial_options = [box];
  return element;
}

/** Several boxes, one per option; the ticked ones are the initial value's comma-separated values. */
function multiselectInput(field: FormField): types.Checkboxes {
  const options = (field.options ?? []).slice(0, MAX_CHECKBOXES).map((o) => option(o.label, o.value));
  const element: types.Checkboxes = { type: "checkboxes", action_id: VALUES_ACTION_ID, options };
  const ticked = (field.initialValue ?? "").split(",");
  const initial = options.filter((o) => ticked.includes(o.value ?? ""));
  if (initial.length > 0) element.initial_options = initial;
  return element;
}

function inputBlock(field: FormField): types.InputBlock {
  const element =
    field.kind === "select"
      ? selectInput(field)
      : field.kind === "checkbox"
        ? checkboxInput(field)
        : field.kind === "multiselect"
          ? multiselectInput(field)
          : textInput(field);
  const block: types.InputBlock = {
    type: "input",
    block_id: field.id,
    label: plainText(field.label, MODAL_LIMITS.label),
    element,
    // For a checkbox, a required field means the box must be ticked (a pledge, a checklist item).
    optional: !field.required,
  };
  // A checkbox already shows its hint as the box's text.
  if (field.hint && field.kind !== "checkbox") block.hint = plainText(field.hint, MODAL_LIMITS.hint);
  return block;
}

/** A form as a modal; `channelId` is where the answer to the submission should appear. */
export function renderFormModal(
  form: Form,
  origin: { channelId?: string | undefined } = {},
): types.ModalView {
  const metadata: FormMetadata = {
    formId: form.formId,
    context: form.context,
    ...(origin.channelId ? { channelId: origin.channelId } : {}),
  };
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    title: plainText(form.title, MODAL_LIMITS.title),
    submit: plainText(form.submitLabel, MODAL_LIMITS.submit),
    private_metadata: JSON.stringify(metadata),
    blocks: form.fields.map(inputBlock),
  };
}

const elementStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});

/** view.state.values: block_id → action_id → the element's state. */
export const viewStateValuesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

const FIELD_ID = /^[a-z][a-z0-9_]{0,29}$/;
const MAX_VALUE_LENGTH = 4000;

function submittedValue(state: z.infer<typeof elementStateSchema>): string | null {
  switch (state.type) {
    case "plain_text_input":
      return state.value ?? "";
    case "static_select":
      return state.selected_option?.value ?? "";
    case "checkboxes":
      return state.selected_options?.some((o) => o.value === "true") ? "true" : "false";
    default:
      return null;
  }
}

/**
 * A submission's state as FormValues: text as typed (empty → ""), a select's option value, a
 * checkbox as "true"/"false", a multiselect's ticked values joined by commas. Blocks that are not our fields are ignored; the core validates the rest.
 */
export function formValuesFromState(values: z.infer<typeof viewStateValuesSchema>): FormValues {
  const out: FormValues = {};
  for (const [blockId, actions] of Object.entries(values)) {
    if (!FIELD_ID.test(blockId)) continue;
    const several = elementStateSchema.safeParse(actions[VALUES_ACTION_ID]);
    if (several.success && several.data.type === "checkboxes") {
      const chosen = (several.data.selected_options ?? []).map((o) => o.value);
      out[blockId] = capLength(chosen.join(","), MAX_VALUE_LENGTH);
      continue;
    }
    const state = elementStateSchema.safeParse(actions[VALUE_ACTION_ID]);
    if (!state.success) continue;
    const value = submittedValue(state.data);
    if (value !== null) out[blockId] = capLength(value, MAX_VALUE_LENGTH);
  }
  return out;
}

/**
 * Per-field errors as Slack shows them under the inputs. Slack refuses the whole answer when an
 * error names a block the modal does not have, so such errors go under the first input instead.
 */
export function modalErrors(
  errors: Record<string, string>,
  blockIds: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const stray: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (blockIds.includes(field)) out[field] = inertRawText(message);
    else stray.push(inertRawText(message));
  }
  const first = blockIds[0];
  if (stray.length > 0 && first !== undefined)
    out[first] = [out[first], ...stray].filter((m): m is string => Boolean(m)).join(" ");
  return out;
}

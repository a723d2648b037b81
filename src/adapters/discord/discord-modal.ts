import {
  type APIComponentInLabel,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from "discord.js";
import type { Translate } from "../../core/i18n/translator.js";
import { DISCORD_MAX_FORM_FIELDS, type Form, type FormField } from "../../core/shared/form.js";
import { truncatePlain } from "./discord-markdown.js";
import { encodeModalCustomId, MULTISELECT_SUFFIX } from "./form-custom-ids.js";

/**
 * Neutral forms → Discord modals. Pure, snapshot-tested. Each field is a Label (its label, and its
 * hint as the description) holding one input: a text input, or a string select for choices and
 * yes/no fields. Modal text is plain (no markdown, no mentions), so nothing needs escaping; limits
 * are met by cutting, never by letting Discord refuse the modal.
 */

/** https://discord.com/developers/docs/components/reference (modal, label, text input, select). */
export const MODAL_LIMITS = {
  title: 45,
  labels: DISCORD_MAX_FORM_FIELDS,
  label: 45,
  description: 100,
  textPlaceholder: 100,
  selectPlaceholder: 150,
  textLength: 4000,
  options: 25,
  optionLabel: 100,
  optionValue: 100,
} as const;

export interface RenderedModal {
  modal: APIModalInteractionResponseCallbackData;
  /** Fields beyond Discord's five that were left out (the core keeps Discord forms within it). */
  droppedFields: number;
}

/** Cuts by code point without an ellipsis: a prefilled value is the person's own text. */
function cut(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let out = "";
  for (const char of text) {
    if (out.length + char.length > maxLength) break;
    out += char;
  }
  return out;
}

function textInput(field: FormField): APITextInputComponent {
  const maxLength = Math.min(field.maxLength ?? MODAL_LIMITS.textLength, MODAL_LIMITS.textLength);
  const value = field.initialValue ? cut(field.initialValue, maxLength) : "";
  return {
    type: ComponentType.TextInput,
    custom_id: field.id,
    style: field.kind === "multiline" ? TextInputStyle.Paragraph : TextInputStyle.Short,
    required: field.required,
    ...(field.minLength !== undefined ? { min_length: Math.min(field.minLength, maxLength) } : {}),
    ...(field.maxLength !== undefined ? { max_length: maxLength } : {}),
    ...(field.placeholder
      ? { placeholder: truncatePlain(field.placeholder, MODAL_LIMITS.textPlaceholder) }
      : {}),
    ...(value !== "" ? { value } : {}),
  };
}

function select(
  field: FormField,
  options: ReadonlyArray<{ label: string; value: string }>,
): APIStringSelectComponent {
  return {
    type: ComponentType.StringSelect,
    custom_id: field.id,
    required: field.required,
    min_values: field.required ? 1 : 0,
    max_values: 1,
    ...(field.placeholder
      ? { placeholder: truncatePlain(field.placeholder, MODAL_LIMITS.selectPlaceholder) }
      : {}),
    options: options.slice(0, MODAL_LIMITS.options).map((option) => ({
      label: truncatePlain(option.label, MODAL_LIMITS.optionLabel),
      value: option.value.slice(0, MODAL_LIMITS.optionValue),
      ...(option.value === field.initialValue ? { default: true } : {}),
    })),
  };
}

/** A select taking any number of its options; the initial value's comma-separated values are chosen. */
function multiselect(
  field: FormField,
  options: ReadonlyArray<{ label: string; value: string }>,
): APIStringSelectComponent {
  const shown = options.slice(0, MODAL_LIMITS.options);
  const chosen = (field.initialValue ?? "").split(",");
  const single = select(field, shown);
  return {
    ...single,
    custom_id: `${field.id}${MULTISELECT_SUFFIX}`,
    max_values: shown.length,
    options: single.options.map((option) => ({
      ...option,
      ...(chosen.includes(option.value) ? { default: true } : {}),
    })),
  };
}

function input(field: FormField, t: Translate): APIComponentInLabel {
  switch (field.kind) {
    case "checkbox":
      // A select rather than Discord's own checkbox: it shows "Yes"/"No" plainly and its values
      // ("true"/"false") are what the core expects from every platform.
      return select(field, [
        { label: t("discord:yes"), value: "true" },
        { label: t("discord:no"), value: "false" },
      ]);
    case "select":
      // Discord refuses a select without options; a free text field still lets the person answer.
      return field.options && field.options.length > 0 ? select(field, field.options) : textInput(field);
    case "multiselect":
      return field.options && field.options.length > 0 ? multiselect(field, field.options) : textInput(field);
    case "text":
    case "multiline":
      return textInput(field);
  }
}

function label(field: FormField, t: Translate): APILabelComponent {
  return {
    type: ComponentType.Label,
    label: truncatePlain(field.label, MODAL_LIMITS.label),
    ...(field.hint ? { description: truncatePlain(field.hint, MODAL_LIMITS.description) } : {}),
    component: input(field, t),
  };
}

/** A form as a modal. Throws when the form's id and context cannot fit a custom_id. */
export function renderModal(form: Form, t: Translate): RenderedModal {
  const fields = form.fields.slice(0, MODAL_LIMITS.labels);
  return {
    modal: {
      custom_id: encodeModalCustomId(form.formId, form.context),
      title: truncatePlain(form.title, MODAL_LIMITS.title),
      components: fields.map((field) => label(field, t)),
    },
    droppedFields: form.fields.length - fields.length,
  };
}

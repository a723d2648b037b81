import type { Translate } from "../../core/i18n/translator.js";
import type { Form, FormField, FormValues } from "../../core/shared/form.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** "None of them" for a multiselect, in the languages we speak. */
const NONE = /^(none|nothing|ninguna|ninguno|nada|-)$/i;

/**
 * A form at the terminal: one prompt per field, in order. Each answer is checked the way a modal
 * would (required, length, a listed option) before moving on; "cancel" abandons the form. After
 * a submission with errors, only the fields in error are asked again, the rest are kept.
 */
export class ConsoleFormSession {
  private readonly values: FormValues;
  private queue: FormField[];

  constructor(
    readonly form: Form,
    private readonly t: Translate,
    keep: FormValues = {},
    only?: readonly string[],
  ) {
    this.values = { ...keep };
    this.queue = form.fields.filter((field) => !only || only.includes(field.id));
  }

  /** The prompt for the current field, or null when every field has a value. */
  prompt(): string | null {
    const field = this.queue[0];
    if (!field) return null;
    const lines = [`${field.label}${field.required ? "" : ` ${this.t("console:form.optional")}`}`];
    if (field.hint) lines.push(`  ${field.hint}`);
    if (field.kind === "select" || field.kind === "multiselect") {
      for (const [i, option] of (field.options ?? []).entries()) lines.push(`  ${i + 1}. ${option.label}`);
    }
    if (field.kind === "multiselect")
      lines.push(`  ${this.t("console:form.pickSeveral", { count: field.options?.length ?? 0 })}`);
    if (field.kind === "checkbox") lines.push(`  ${this.t("console:form.yesNo")}`);
    if (field.initialValue)
      lines.push(
        `  ${this.t("console:form.current", { value: this.shown(field, field.initialValue).slice(0, 200) })}`,
      );
    return lines.join("\n").replace(CONTROL, (c) => (c === "\n" ? c : ""));
  }

  /** Takes one typed line for the current field; returns an error to show, or null when accepted. */
  answer(line: string): string | null {
    const field = this.queue[0];
    if (!field) return null;
    let text = line.replace(CONTROL, "").trim();
    if (text === "" && field.initialValue) text = field.initialValue;
    const error = this.check(field, text);
    if (error !== null) return error;
    this.values[field.id] = this.normalise(field, text);
    this.queue.shift();
    return null;
  }

  get done(): boolean {
    return this.queue.length === 0;
  }

  get collected(): FormValues {
    return { ...this.values };
  }

  private check(field: FormField, text: string): string | null {
    if (text === "") return field.required ? this.t("console:form.required") : null;
    if (field.kind === "select") {
      return this.option(field, text)
        ? null
        : this.t("console:form.pickOption", { count: field.options?.length ?? 0 });
    }
    if (field.kind === "checkbox")
      return /^(y|yes|s|si|sí|n|no|true|false)$/i.test(text) ? null : this.t("console:form.yesNo");
    if (field.kind === "multiselect") {
      return this.choices(field, text)
        ? null
        : this.t("console:form.pickSeveral", { count: field.options?.length ?? 0 });
    }
    if (field.minLength !== undefined && text.length < field.minLength)
      return this.t("console:form.tooShort", { min: field.minLength });
    if (field.maxLength !== undefined && text.length > field.maxLength)
      return this.t("console:form.tooLong", { max: field.maxLength });
    return null;
  }

  private option(field: FormField, text: string) {
    const options = field.options ?? [];
    const byNumber = /^\d+$/.test(text) ? options[Number(text) - 1] : undefined;
    return (
      byNumber ??
      options.find(
        (o) => o.value.toLowerCase() === text.toLowerCase() || o.label.toLowerCase() === text.toLowerCase(),
      )
    );
  }

  /** A multiselect's answer ("1, 3", values, or "none") as its options, or null when any is unknown. */
  private choices(field: FormField, text: string) {
    if (NONE.test(text)) return [];
    const picked = text
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((token) => this.option(field, token));
    if (picked.some((option) => option === undefined)) return null;
    // In the form's order, each once.
    return (field.options ?? []).filter((option) => picked.includes(option));
  }

  /** What a stored value looks like to the person: a multiselect's numbers rather than its values. */
  private shown(field: FormField, value: string): string {
    if (field.kind !== "multiselect") return value;
    const options = field.options ?? [];
    const numbers = value
      .split(",")
      .map((v) => options.findIndex((o) => o.value === v) + 1)
      .filter((n) => n > 0);
    return numbers.length > 0 ? numbers.join(", ") : value;
  }

  private normalise(field: FormField, text: string): string {
    if (text === "") return field.kind === "checkbox" ? "false" : "";
    if (field.kind === "multiselect")
      return (this.choices(field, text) ?? []).map((option) => option.value).join(",");
    if (field.kind === "select") return this.option(field, text)?.value ?? "";
    if (field.kind === "checkbox") return /^(y|yes|s|si|sí|true)$/i.test(text) ? "true" : "false";
    return text;
  }
}

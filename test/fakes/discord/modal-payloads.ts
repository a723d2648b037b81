/**
 * Modals in the fake: MODAL_SUBMIT payloads (type 5) shaped like Discord's, built from field values
 * or by "filling in" a modal the bot showed, and the checks Discord applies to a MODAL callback
 * (type 9) before it shows anything, so a modal the real Discord would refuse fails here too.
 */
import {
  type APIModalInteractionResponseCallbackData,
  type APIModalSubmissionComponent,
  type APIModalSubmitInteraction,
  ComponentType,
  InteractionType,
} from "discord.js";
import { type ActorOptions, baseInteraction } from "./interaction-payloads.js";
import { record } from "./rest-kit.js";
import type { FakeWorld } from "./world.js";

export interface ModalSubmitOptions extends ActorOptions {
  customId: string;
  /** Input custom_id → submitted value: a string for a text input, a list for a string select's choices. */
  fields: Record<string, string | string[]>;
  /**
   * "label" (Label>input, how Discord sends modals built from labels) or "actionRow" (the legacy
   * ActionRow>TextInput layout). Default: "label" when any field is a select (legacy rows cannot
   * hold one), else "actionRow".
   */
  layout?: "actionRow" | "label";
  /** Set when the modal was opened from a component on this message. */
  messageId?: string;
}

export function modalSubmitInteraction(world: FakeWorld, o: ModalSubmitOptions): APIModalSubmitInteraction {
  const base = baseInteraction(world, InteractionType.ModalSubmit, o);
  const hasSelect = Object.values(o.fields).some((value) => Array.isArray(value));
  const layout = o.layout ?? (hasSelect ? "label" : "actionRow");
  // Discord numbers components it was not given ids for, in order, from 1.
  let nextId = 1;
  const components = Object.entries(o.fields).map(([customId, value]): APIModalSubmissionComponent => {
    const outerId = nextId++;
    const inputId = nextId++;
    if (Array.isArray(value)) {
      const select = {
        type: ComponentType.StringSelect as const,
        id: inputId,
        custom_id: customId,
        values: value,
      };
      return { type: ComponentType.Label, id: outerId, component: select };
    }
    const input = { type: ComponentType.TextInput as const, id: inputId, custom_id: customId, value };
    return layout === "label"
      ? { type: ComponentType.Label, id: outerId, component: input }
      : { type: ComponentType.ActionRow, id: outerId, components: [input] };
  });
  const message = o.messageId ? world.messages.get(o.messageId) : undefined;
  if (o.messageId && !message) throw new Error(`fake-discord: unknown message ${o.messageId}`);
  return {
    ...base,
    ...(message ? { message } : {}),
    data: { custom_id: o.customId, components },
  } as APIModalSubmitInteraction;
}

/**
 * What a person submits after filling in `modal` as the bot showed it: every text input keeps its
 * prefilled value unless `answers` says otherwise, every select its default option(s). Answers
 * for inputs the modal does not have are an error in the test, not something Discord would send.
 */
export function answerModal(
  world: FakeWorld,
  modal: unknown,
  answers: Record<string, string | string[]>,
  actor: ActorOptions & { messageId?: string } = {},
): APIModalSubmitInteraction {
  const shown = modal as APIModalInteractionResponseCallbackData;
  const fields: Record<string, string | string[]> = {};
  for (const component of shown.components) {
    if (component.type !== ComponentType.Label) continue;
    const input = component.component;
    if (input.type === ComponentType.TextInput) {
      const answer = answers[input.custom_id];
      fields[input.custom_id] = typeof answer === "string" ? answer : (input.value ?? "");
    } else if (input.type === ComponentType.StringSelect) {
      const answer = answers[input.custom_id];
      const defaults = input.options.filter((o) => o.default).map((o) => o.value);
      fields[input.custom_id] = answer === undefined ? defaults : Array.isArray(answer) ? answer : [answer];
    }
  }
  const unknown = Object.keys(answers).filter((id) => !(id in fields));
  if (unknown.length > 0) throw new Error(`fake-discord: the modal has no input ${unknown.join(", ")}`);
  return modalSubmitInteraction(world, { ...actor, customId: shown.custom_id, fields, layout: "label" });
}

const length = (value: unknown) => (typeof value === "string" ? value.length : -1);

/**
 * Why Discord would refuse this MODAL callback's data (its 50035 "Invalid Form Body"), or
 * undefined when it would show it. Covers what modals built from labels can get wrong.
 */
export function modalProblem(data: unknown): string | undefined {
  const modal = record(data);
  if (length(modal.custom_id) < 1 || length(modal.custom_id) > 100)
    return "custom_id must be 1-100 characters";
  if (length(modal.title) < 1 || length(modal.title) > 45) return "title must be 1-45 characters";
  const components = Array.isArray(modal.components) ? modal.components.map(record) : [];
  if (components.length < 1 || components.length > 5) return "a modal holds 1-5 components";
  const ids = new Set<string>();
  for (const component of components) {
    if (component.type !== ComponentType.Label) continue; // text displays and legacy rows
    if (length(component.label) < 1 || length(component.label) > 45) return "label must be 1-45 characters";
    if (component.description !== undefined && length(component.description) > 100) {
      return "label description must be at most 100 characters";
    }
    const input = record(component.component);
    const customId = String(input.custom_id ?? "");
    if (customId.length < 1 || customId.length > 100) return "input custom_id must be 1-100 characters";
    if (ids.has(customId)) return `duplicate custom_id ${customId}`;
    ids.add(customId);
    const problem =
      input.type === ComponentType.TextInput
        ? textInputProblem(input)
        : input.type === ComponentType.StringSelect
          ? selectProblem(input)
          : `unsupported component type ${String(input.type)} in a label`;
    if (problem) return `${customId}: ${problem}`;
  }
  return undefined;
}

function textInputProblem(input: Record<string, unknown>): string | undefined {
  if (input.style !== 1 && input.style !== 2) return "style must be 1 (short) or 2 (paragraph)";
  if (input.label !== undefined) return "a text input inside a label cannot have its own label";
  const min = typeof input.min_length === "number" ? input.min_length : 0;
  const max = typeof input.max_length === "number" ? input.max_length : 4000;
  if (min < 0 || min > 4000 || max < 1 || max > 4000 || min > max) return "bad min_length/max_length";
  if (input.placeholder !== undefined && length(input.placeholder) > 100) return "placeholder over 100";
  if (input.value !== undefined && length(input.value) > max) return "value longer than max_length";
  return undefined;
}

function selectProblem(input: Record<string, unknown>): string | undefined {
  const options = Array.isArray(input.options) ? input.options.map(record) : [];
  if (options.length < 1 || options.length > 25) return "a select holds 1-25 options";
  for (const option of options) {
    if (length(option.label) < 1 || length(option.label) > 100)
      return "option label must be 1-100 characters";
    if (length(option.value) < 1 || length(option.value) > 100)
      return "option value must be 1-100 characters";
  }
  if (new Set(options.map((o) => o.value)).size !== options.length) return "duplicate option values";
  const min = typeof input.min_values === "number" ? input.min_values : 1;
  const max = typeof input.max_values === "number" ? input.max_values : 1;
  if (min < 0 || max < 1 || min > max || max > options.length) return "bad min_values/max_values";
  if (options.filter((o) => o.default === true).length > max) return "more defaults than max_values";
  if (input.placeholder !== undefined && length(input.placeholder) > 150) return "placeholder over 150";
  return undefined;
}

// A form field that takes several of its options (personal digest sections), on every platform:
// Slack checkboxes, a Discord select taking several values, numbers at the console. Each reads
// back as the chosen option values joined by commas, in the form's order.
import { describe, expect, it } from "vitest";
import { translator } from "../core/i18n/translator.js";
import { type Form, formSchema } from "../core/shared/form.js";
import { ConsoleFormSession } from "./console/console-form.js";
import { formRequestFrom } from "./discord/discord-inbound.js";
import { renderModal } from "./discord/discord-modal.js";
import { formValuesFromState, renderFormModal } from "./slack/form-modal.js";

const form: Form = formSchema.parse({
  formId: "digest.settings",
  context: "",
  title: "Your weekly digest",
  submitLabel: "Save",
  fields: [
    { id: "enabled", kind: "checkbox", label: "On", required: false, initialValue: "true" },
    {
      id: "sections",
      kind: "multiselect",
      label: "Sections",
      required: false,
      initialValue: "newProblems,impact",
      options: [
        { label: "New problems", value: "newProblems" },
        { label: "Most voted", value: "mostVoted" },
        { label: "Impact", value: "impact" },
      ],
    },
  ],
});
const t = translator("en");

describe("a multiselect field", () => {
  it("is Slack checkboxes with the initial values ticked, read back apart from a single checkbox", () => {
    const [, block] = renderFormModal(form).blocks;
    expect(block).toMatchObject({
      type: "input",
      block_id: "sections",
      optional: true,
      element: {
        type: "checkboxes",
        action_id: "values",
        options: [{ value: "newProblems" }, { value: "mostVoted" }, { value: "impact" }],
        initial_options: [{ value: "newProblems" }, { value: "impact" }],
      },
    });
    const values = formValuesFromState({
      enabled: { value: { type: "checkboxes", selected_options: [{ value: "true" }] } },
      sections: {
        values: { type: "checkboxes", selected_options: [{ value: "mostVoted" }, { value: "impact" }] },
      },
    });
    expect(values).toEqual({ enabled: "true", sections: "mostVoted,impact" });
    expect(
      formValuesFromState({ sections: { values: { type: "checkboxes", selected_options: [] } } }),
    ).toEqual({
      sections: "",
    });
  });

  it("is a Discord select taking any number of values, whose answer is all of them", () => {
    const { modal } = renderModal(form, t);
    const select = (modal.components[1] as unknown as { component: Record<string, unknown> }).component;
    expect(select).toMatchObject({ custom_id: "sections[]", min_values: 0, max_values: 3 });
    expect(
      (select.options as { value: string; default?: boolean }[]).map((o) => [o.value, o.default ?? false]),
    ).toEqual([
      ["newProblems", true],
      ["mostVoted", false],
      ["impact", true],
    ]);
    const request = formRequestFrom(modal.custom_id, [
      { customId: "enabled", values: ["false"] },
      { customId: "sections[]", values: ["newProblems", "mostVoted"] },
    ]);
    expect(request).toMatchObject({
      kind: "form",
      values: { enabled: "false", sections: "newProblems,mostVoted" },
    });
    expect(formRequestFrom(modal.custom_id, [{ customId: "sections[]", values: [] }])).toMatchObject({
      values: { sections: "" },
    });
  });

  it("is numbered choices at the console: numbers or names, none, or Enter to keep them", () => {
    const session = new ConsoleFormSession(form, t);
    expect(session.answer("yes")).toBeNull();
    const prompt = session.prompt() ?? "";
    expect(prompt).toContain("1. New problems");
    expect(prompt).toContain("3. Impact");
    expect(prompt).toContain("Now: 1, 3");
    expect(session.answer("4")).toContain("separated by commas");
    expect(session.answer("3, 1 mostVoted")).toBeNull();
    expect(session.collected).toEqual({ enabled: "true", sections: "newProblems,mostVoted,impact" });

    const keeping = new ConsoleFormSession(form, t, {}, ["sections"]);
    expect(keeping.answer("")).toBeNull();
    expect(keeping.collected).toEqual({ sections: "newProblems,impact" });
    const none = new ConsoleFormSession(form, t, {}, ["sections"]);
    expect(none.answer("none")).toBeNull();
    expect(none.collected).toEqual({ sections: "" });
  });
});

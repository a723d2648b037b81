import { ModalBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { translator } from "../../core/i18n/translator.js";
import type { Form } from "../../core/shared/form.js";
import { formRequestFrom } from "./discord-inbound.js";
import { renderModal } from "./discord-modal.js";
import { decodeModalCustomId, decodePendingFormCustomId, encodeModalCustomId } from "./form-custom-ids.js";

const t = translator("en");

const form: Form = {
  formId: "problem.submit",
  context: "t=transport",
  title: "File a problem",
  submitLabel: "File it",
  fields: [
    {
      id: "title",
      kind: "text",
      label: "Title",
      hint: "One line",
      placeholder: "Bus stops without shelter",
      required: true,
      minLength: 10,
      maxLength: 120,
      initialValue: "Buses @everyone <@123>",
    },
    { id: "details", kind: "multiline", label: "Details", required: false },
    {
      id: "topic",
      kind: "select",
      label: "Topic",
      required: true,
      placeholder: "Pick one",
      options: [
        { label: "Transport", value: "transport" },
        { label: "Housing", value: "housing" },
      ],
      initialValue: "housing",
    },
    { id: "anonymous", kind: "checkbox", label: "Post anonymously", required: false },
  ],
};

describe("renderModal", () => {
  it("renders each field as a label holding a text input or a select, as Discord's builders accept", () => {
    const { modal, droppedFields } = renderModal(form, t);
    expect(droppedFields).toBe(0);
    expect(modal).toMatchInlineSnapshot(`
      {
        "components": [
          {
            "component": {
              "custom_id": "title",
              "max_length": 120,
              "min_length": 10,
              "placeholder": "Bus stops without shelter",
              "required": true,
              "style": 1,
              "type": 4,
              "value": "Buses @everyone <@123>",
            },
            "description": "One line",
            "label": "Title",
            "type": 18,
          },
          {
            "component": {
              "custom_id": "details",
              "required": false,
              "style": 2,
              "type": 4,
            },
            "label": "Details",
            "type": 18,
          },
          {
            "component": {
              "custom_id": "topic",
              "max_values": 1,
              "min_values": 1,
              "options": [
                {
                  "label": "Transport",
                  "value": "transport",
                },
                {
                  "default": true,
                  "label": "Housing",
                  "value": "housing",
                },
              ],
              "placeholder": "Pick one",
              "required": true,
              "type": 3,
            },
            "label": "Topic",
            "type": 18,
          },
          {
            "component": {
              "custom_id": "anonymous",
              "max_values": 1,
              "min_values": 0,
              "options": [
                {
                  "label": "Yes",
                  "value": "true",
                },
                {
                  "label": "No",
                  "value": "false",
                },
              ],
              "required": false,
              "type": 3,
            },
            "label": "Post anonymously",
            "type": 18,
          },
        ],
        "custom_id": "form:problem.submit:t=transport",
        "title": "File a problem",
      }
    `);
    // discord.js's own builders validate every limit they know of.
    expect(new ModalBuilder(modal).toJSON()).toEqual(modal);
  });

  it("says Yes and No in the person's language", () => {
    const { modal } = renderModal(form, translator("es"));
    expect(JSON.stringify(modal.components[3])).toContain('"label":"Sí"');
  });

  it("keeps to Discord's limits: five labels, 45-character labels, values within max_length", () => {
    const long: Form = {
      ...form,
      fields: Array.from({ length: 7 }, (_, i) => ({
        id: `f${i}`,
        kind: "text" as const,
        label: `${"L".repeat(44)}${i}`,
        hint: "h".repeat(100),
        required: false,
        maxLength: 5,
        minLength: 9,
        initialValue: "😀😀😀",
      })),
    };
    const { modal, droppedFields } = renderModal(long, t);
    expect(droppedFields).toBe(2);
    expect(modal.components).toHaveLength(5);
    const [first] = modal.components;
    // An emoji is two UTF-16 units: two fit in five, never half of one.
    expect(first).toMatchObject({ component: { value: "😀😀", max_length: 5, min_length: 5 } });
    expect(new ModalBuilder(modal).toJSON()).toEqual(modal);
  });

  it("asks for free text when a select field comes without options", () => {
    const { modal } = renderModal(
      { ...form, fields: [{ id: "topic", kind: "select", label: "Topic", required: true }] },
      t,
    );
    expect(modal.components[0]).toMatchObject({ component: { type: 4, custom_id: "topic" } });
  });
});

describe("form custom ids", () => {
  it("round-trips a modal's form id and context, ':' in the context included", () => {
    const customId = encodeModalCustomId("problem.needs-info", "p=12:q");
    expect(decodeModalCustomId(customId)).toEqual({ formId: "problem.needs-info", context: "p=12:q" });
  });

  it("refuses a form id and context that cannot fit Discord's 100 characters", () => {
    expect(() => encodeModalCustomId(`a${"b".repeat(39)}`, "c".repeat(58))).toThrow(/does not fit/);
    expect(encodeModalCustomId(`a${"b".repeat(35)}`, "c".repeat(58))).toHaveLength(100);
  });

  it("recognises only its own modals and kept-form buttons", () => {
    for (const bad of ["report", "form:", "form:Upper:1", `form:a:${"x".repeat(59)}`, 42]) {
      expect(decodeModalCustomId(bad)).toBeNull();
    }
    expect(decodePendingFormCustomId("~form:abc_-1")).toBe("abc_-1");
    expect(decodePendingFormCustomId("problem.vote:1")).toBeNull();
    expect(decodePendingFormCustomId("~form:../x")).toBeNull();
  });
});

describe("formRequestFrom", () => {
  const inputs = [
    { type: 4, customId: "title", value: "Bus stops" },
    { type: 3, customId: "topic", values: ["housing", "transport"] },
    { type: 3, customId: "anonymous", values: [] },
  ];

  it("takes text as typed, a select's first choice, and an unanswered select as empty", () => {
    expect(formRequestFrom("form:problem.submit:t=transport", inputs)).toEqual({
      kind: "form",
      formId: "problem.submit",
      context: "t=transport",
      values: { title: "Bus stops", topic: "housing", anonymous: "" },
    });
  });

  it("refuses a modal that is not ours and values the core would not take", () => {
    expect(formRequestFrom("report", inputs)).toBeNull();
    expect(
      formRequestFrom("form:problem.submit:", [{ customId: "title", value: "x".repeat(4001) }]),
    ).toBeNull();
    expect(formRequestFrom("form:problem.submit:", [{ customId: "title", value: 3 }])).toBeNull();
  });
});

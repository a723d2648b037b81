import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { type Form, formSchema } from "../../core/shared/form.js";
import { FORM_CALLBACK_ID, MODAL_LIMITS, readFormMetadata, renderFormModal } from "./form-modal.js";

type InputBlock = types.InputBlock;

const problemForm: Form = formSchema.parse({
  formId: "problem.submit",
  context: "t=;a=0",
  title: "New problem",
  submitLabel: "File it",
  fields: [
    {
      id: "title",
      kind: "text",
      label: "Title",
      hint: "One line",
      placeholder: "Buses skip Elm St",
      required: true,
      minLength: 8,
      maxLength: 150,
      initialValue: "Bus <!channel> & co",
    },
    { id: "description", kind: "multiline", label: "What happens?", required: true, maxLength: 4000 },
    {
      id: "topic",
      kind: "select",
      label: "Topic",
      placeholder: "Pick one",
      required: false,
      options: [
        { label: "Transport", value: "Transport" },
        { label: "Housing", value: "Housing" },
      ],
      initialValue: "Housing",
    },
    { id: "anonymous", kind: "checkbox", label: "Anonymous", hint: "Don't show my name", required: false },
  ],
});

describe("renderFormModal", () => {
  it("renders each field as an input block named after the field", () => {
    expect(renderFormModal(problemForm, { channelId: "C0GENERAL" })).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "block_id": "title",
            "element": {
              "action_id": "value",
              "initial_value": "Bus <‍!channel> & co",
              "max_length": 150,
              "min_length": 8,
              "placeholder": {
                "emoji": true,
                "text": "Buses skip Elm St",
                "type": "plain_text",
              },
              "type": "plain_text_input",
            },
            "hint": {
              "emoji": true,
              "text": "One line",
              "type": "plain_text",
            },
            "label": {
              "emoji": true,
              "text": "Title",
              "type": "plain_text",
            },
            "optional": false,
            "type": "input",
          },
          {
            "block_id": "description",
            "element": {
              "action_id": "value",
              "max_length": 3000,
              "multiline": true,
              "type": "plain_text_input",
            },
            "label": {
              "emoji": true,
              "text": "What happens?",
              "type": "plain_text",
            },
            "optional": false,
            "type": "input",
          },
          {
            "block_id": "topic",
            "element": {
              "action_id": "value",
              "initial_option": {
                "text": {
                  "emoji": true,
                  "text": "Housing",
                  "type": "plain_text",
                },
                "value": "Housing",
              },
              "options": [
                {
                  "text": {
                    "emoji": true,
                    "text": "Transport",
                    "type": "plain_text",
                  },
                  "value": "Transport",
                },
                {
                  "text": {
                    "emoji": true,
                    "text": "Housing",
                    "type": "plain_text",
                  },
                  "value": "Housing",
                },
              ],
              "placeholder": {
                "emoji": true,
                "text": "Pick one",
                "type": "plain_text",
              },
              "type": "static_select",
            },
            "label": {
              "emoji": true,
              "text": "Topic",
              "type": "plain_text",
            },
            "optional": true,
            "type": "input",
          },
          {
            "block_id": "anonymous",
            "element": {
              "action_id": "value",
              "options": [
                {
                  "text": {
                    "emoji": true,
                    "text": "Don't show my name",
                    "type": "plain_text",
                  },
                  "value": "true",
                },
              ],
              "type": "checkboxes",
            },
            "label": {
              "emoji": true,
              "text": "Anonymous",
              "type": "plain_text",
            },
            "optional": true,
            "type": "input",
          },
        ],
        "callback_id": "datadesk.form",
        "private_metadata": "{"formId":"problem.submit","context":"t=;a=0","channelId":"C0GENERAL"}",
        "submit": {
          "emoji": true,
          "text": "File it",
          "type": "plain_text",
        },
        "title": {
          "emoji": true,
          "text": "New problem",
          "type": "plain_text",
        },
        "type": "modal",
      }
    `);
  });

  it("ticks a checkbox whose initial value is true, and only then", () => {
    const form = formSchema.parse({
      ...problemForm,
      fields: [
        { id: "anonymous", kind: "checkbox", label: "Anonymous", required: true, initialValue: "true" },
      ],
    });
    const [block] = renderFormModal(form).blocks;
    expect(block).toMatchObject({
      optional: false,
      element: {
        type: "checkboxes",
        options: [{ text: { text: "Anonymous" }, value: "true" }],
        initial_options: [{ value: "true" }],
      },
    });
    expect(block).not.toHaveProperty("hint");
  });

  it("keeps Slack's limits: 3000 characters per input, an initial value no longer than allowed", () => {
    const form = formSchema.parse({
      ...problemForm,
      fields: [
        {
          id: "long",
          kind: "multiline",
          label: "L",
          required: true,
          minLength: 3500,
          initialValue: "y".repeat(4000),
        },
      ],
    });
    const [block] = renderFormModal(form).blocks;
    const element = block?.type === "input" ? (block as InputBlock).element : undefined;
    expect(element).toMatchObject({ min_length: 3000 });
    expect(String((element as types.PlainTextInput).initial_value).length).toBe(MODAL_LIMITS.inputLength);
  });

  it("leaves user text inert in every text object it shows", () => {
    const hostile = "@everyone <!here> <@U123> <http://evil|click>";
    const form = formSchema.parse({
      formId: "problem.submit",
      context: "",
      title: "@here <!channel>",
      submitLabel: "<!everyone>",
      fields: [
        {
          id: "a",
          kind: "text",
          label: "<!channel>",
          hint: hostile,
          placeholder: hostile,
          initialValue: hostile,
          required: true,
        },
        { id: "b", kind: "select", label: "x", required: true, options: [{ label: "<@U123>", value: "v" }] },
        { id: "c", kind: "checkbox", label: "y", hint: "<!here>", required: false },
      ],
    });
    const json = JSON.stringify(renderFormModal(form));
    expect(json).not.toMatch(/<[!@#]/);
    expect(json).not.toMatch(/<https?:/);
    expect(json).not.toMatch(/@(everyone|here)\b/);
    // The prefilled value stays readable: only an invisible joiner after "<".
    const [first] = renderFormModal(form).blocks;
    const element = first?.type === "input" ? (first as InputBlock).element : undefined;
    expect((element as types.PlainTextInput).initial_value).toBe(
      "@\u200Deveryone <\u200D!here> <\u200D@U123> <\u200Dhttp://evil|click>",
    );
  });

  it("carries only the form's ids and the channel in private_metadata, never what anyone typed", () => {
    const view = renderFormModal(problemForm);
    expect(view.callback_id).toBe(FORM_CALLBACK_ID);
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ formId: "problem.submit", context: "t=;a=0" });
    expect(view.private_metadata).not.toContain("Bus");
  });
});

describe("readFormMetadata", () => {
  it("reads back what renderFormModal wrote", () => {
    const view = renderFormModal(problemForm, { channelId: "C0GENERAL" });
    expect(readFormMetadata(view.private_metadata ?? "")).toEqual({
      formId: "problem.submit",
      context: "t=;a=0",
      channelId: "C0GENERAL",
    });
  });

  it("refuses metadata that is not ours", () => {
    for (const raw of [
      "",
      "not json",
      "[]",
      JSON.stringify({ formId: "Problem Submit", context: "" }),
      JSON.stringify({ formId: "problem.submit", context: "x".repeat(59) }),
      JSON.stringify({ formId: "problem.submit", context: "", channelId: "<!channel>" }),
    ])
      expect(readFormMetadata(raw), raw).toBeNull();
  });
});

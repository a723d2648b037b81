import { describe, expect, it } from "vitest";
import { formValuesFromState, modalErrors } from "./form-modal.js";

describe("formValuesFromState", () => {
  it("reads text, selects and checkboxes back as strings", () => {
    expect(
      formValuesFromState({
        title: { value: { type: "plain_text_input", value: "Buses skip Elm St" } },
        place: { value: { type: "plain_text_input", value: null } },
        topic: { value: { type: "static_select", selected_option: { value: "Housing" } } },
        other: { value: { type: "static_select", selected_option: null } },
        anonymous: { value: { type: "checkboxes", selected_options: [{ value: "true" }] } },
        pledge: { value: { type: "checkboxes", selected_options: [] } },
      }),
    ).toEqual({
      title: "Buses skip Elm St",
      place: "",
      topic: "Housing",
      other: "",
      anonymous: "true",
      pledge: "false",
    });
  });

  it("ignores blocks that are not our fields and elements it does not know", () => {
    expect(
      formValuesFromState({
        "Not A Field": { value: { type: "plain_text_input", value: "x" } },
        date: { value: { type: "datepicker", selected_date: "2024-01-01" } },
        title: { other_action: { type: "plain_text_input", value: "x" } },
        ok: { value: { type: "plain_text_input", value: "y".repeat(5000) } },
      }),
    ).toEqual({ ok: "y".repeat(4000) });
  });
});

describe("modalErrors", () => {
  it("keeps errors of fields in the modal and puts the others under the first input", () => {
    expect(
      modalErrors({ title: "Too short.", draft: "This draft expired.", form: "Try again." }, [
        "title",
        "place",
      ]),
    ).toEqual({ title: "Too short. This draft expired. Try again." });
    expect(modalErrors({ place: "Too long." }, ["title", "place"])).toEqual({ place: "Too long." });
  });
});

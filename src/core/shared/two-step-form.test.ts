import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, stepTwoCard } from "./two-step-form.js";

describe("two-step form helpers", () => {
  it("words the first issue of each field only, and puts a pathless issue on the fallback field", () => {
    const schema = z
      .object({ title: z.string().min(3).max(4), link: z.string().url() })
      .refine(() => false, { message: "whole form" });
    const result = schema.safeParse({ title: "a", link: "nope" });
    if (result.success) throw new Error("expected a failure");
    const errors = fieldErrors(result.error, "title", (field, issue) => `${field}:${issue.code}`);
    expect(errors).toEqual({ title: "title:too_small", link: "link:invalid_format" });
    const pathless = z
      .string()
      .refine(() => false)
      .safeParse("x");
    if (pathless.success) throw new Error("expected a failure");
    expect(fieldErrors(pathless.error, "purpose", (field) => field)).toEqual({ purpose: "purpose" });
  });

  it("offers step two with the draft on each of its three buttons, the next one primary", () => {
    const card = stepTwoCard("Step 2 of 2", "draft-1", {
      next: { actionId: "x.next", label: "Next" },
      edit: { actionId: "x.edit", label: "Edit" },
      cancel: { actionId: "x.cancel", label: "Cancel" },
    });
    const actions = card.blocks.find((block) => block.type === "actions");
    expect(actions).toEqual({
      type: "actions",
      actions: [
        { kind: "button", actionId: "x.next", label: "Next", value: "draft-1", style: "primary" },
        { kind: "button", actionId: "x.edit", label: "Edit", value: "draft-1" },
        { kind: "button", actionId: "x.cancel", label: "Cancel", value: "draft-1" },
      ],
    });
  });
});

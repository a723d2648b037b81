import { describe, expect, it } from "vitest";
import { translator } from "../../core/i18n/translator.js";
import { silentLogger } from "../../core/ports/logger.js";
import type { Form } from "../../core/shared/form.js";
import { TtlStore } from "../ttl-store.js";
import { createDiscordForms, FORM_TTL_MS } from "./discord-forms.js";
import type { DiscordMessage } from "./discord-renderer.js";
import { decodePendingFormCustomId } from "./form-custom-ids.js";

const t = translator("en");
const titleField: Form["fields"][number] = { id: "title", kind: "text", label: "Title", required: true };
const form: Form = {
  formId: "problem.submit",
  context: "",
  title: "File a problem",
  submitLabel: "File it",
  fields: [
    titleField,
    { id: "topic", kind: "select", label: "Topic", required: true, options: [{ label: "A", value: "a" }] },
  ],
};

function clock() {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const buttonOf = (message: DiscordMessage) =>
  message.components.at(-1)?.components[0] as { label?: string; custom_id?: string } | undefined;

describe("DiscordForms", () => {
  it("keeps a form behind a button for 15 minutes, for the person it was made for only", () => {
    const time = clock();
    const forms = createDiscordForms({ logger: silentLogger, now: time.now });
    const message = forms.openLater(form, "u1", t);
    expect(message.embeds[0]?.description).toBe("Your form is ready: open it with the button below.");
    const button = buttonOf(message);
    expect(button?.label).toBe("Open the form");
    const id = decodePendingFormCustomId(button?.custom_id ?? "") ?? "";
    expect(forms.pending(id, "u1")?.custom_id).toBe("form:problem.submit:");
    expect(forms.pending(id, "u2")).toBeNull();
    // Opening it does not use it up: a person may close the modal and press again.
    expect(forms.pending(id, "u1")).not.toBeNull();
    time.advance(FORM_TTL_MS);
    expect(forms.pending(id, "u1")).toBeNull();
  });

  it("names fields by the labels of the modal that was shown, and offers the retry behind a button", () => {
    const forms = createDiscordForms({ logger: silentLogger });
    const modal = forms.modal(form, "u1", t);
    const errors = forms.errors(
      { kind: "errors", errors: { title: "Too short", topic: "Pick one" } },
      { userId: "u1", modalCustomId: modal.custom_id },
      t,
    );
    expect(errors.embeds[0]?.description).toBe(
      "Some answers need fixing:\n\n• **Title**: Too short\n• **Topic**: Pick one",
    );
    expect(errors.components).toEqual([]);
    const withRetry = forms.errors(
      { kind: "errors", errors: { title: "Too short" }, retry: form },
      { userId: "u1", modalCustomId: null },
      t,
    );
    expect(buttonOf(withRetry)?.label).toBe("Fix and resubmit");
  });

  it("falls back to the field id when it never saw the form", () => {
    const forms = createDiscordForms({ logger: silentLogger });
    const errors = forms.errors(
      { kind: "errors", errors: { title: "Too short" } },
      { userId: "u1", modalCustomId: "form:x:" },
      t,
    );
    expect(errors.embeds[0]?.description).toContain("**title**: Too short");
  });

  it("logs a form with more fields than a modal holds", () => {
    const warnings: string[] = [];
    const forms = createDiscordForms({
      logger: { ...silentLogger, warn: (_o, msg) => void warnings.push(msg ?? "") },
    });
    const many = {
      ...form,
      fields: Array.from({ length: 6 }, (_, i) => ({ ...titleField, id: `f${i}` })),
    };
    expect(forms.modal(many, "u1", t).components).toHaveLength(5);
    expect(warnings).toHaveLength(1);
  });
});

describe("TtlStore", () => {
  it("forgets entries after their time, and the oldest ones beyond its size", () => {
    const time = clock();
    const store = new TtlStore<number>({ ttlMs: 100, maxEntries: 2, now: time.now });
    store.set("a", 1);
    time.advance(50);
    store.set("b", 2);
    store.set("c", 3);
    expect([store.get("a"), store.get("b"), store.get("c")]).toEqual([undefined, 2, 3]);
    time.advance(100);
    expect(store.get("b")).toBeUndefined();
    store.set("d", 4);
    expect(store.size).toBe(1);
  });
});

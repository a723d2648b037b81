import { describe, expect, it } from "vitest";
import { acknowledgedAtOnce } from "./ack-policy.js";

describe("acknowledgedAtOnce", () => {
  it("acks commands, events, button presses and shortcuts itself: datadesk's answer is always an empty 200", () => {
    expect(acknowledgedAtOnce({ command: "/datadesk", text: "help" })).toBe(true);
    expect(acknowledgedAtOnce({ type: "event_callback", event: { type: "app_mention" } })).toBe(true);
    expect(acknowledgedAtOnce({ type: "block_actions", actions: [] })).toBe(true);
    expect(acknowledgedAtOnce({ type: "message_action", callback_id: "x" })).toBe(true);
    expect(acknowledgedAtOnce({ type: "shortcut", callback_id: "x" })).toBe(true);
  });

  it("leaves to the app what it answers in the ack: form submissions (errors), menu options, anything unknown", () => {
    expect(acknowledgedAtOnce({ type: "view_submission", view: {} })).toBe(false);
    expect(acknowledgedAtOnce({ type: "view_closed", view: {} })).toBe(false);
    expect(acknowledgedAtOnce({ type: "block_suggestion", value: "par" })).toBe(false);
    expect(acknowledgedAtOnce({ type: "something_new" })).toBe(false);
    expect(acknowledgedAtOnce({})).toBe(false);
  });
});

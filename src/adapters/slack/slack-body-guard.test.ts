import { describe, expect, it } from "vitest";
import { unreadableSlackBody } from "./slack-body-guard.js";

const FORM = "application/x-www-form-urlencoded";

describe("unreadableSlackBody", () => {
  it("passes what Slack sends: a slash command form, an interactive payload object, an event", () => {
    expect(unreadableSlackBody("command=%2Fdatadesk&text=help", FORM)).toBeNull();
    expect(unreadableSlackBody("payload=%7B%22type%22%3A%22block_actions%22%7D", FORM)).toBeNull();
    expect(unreadableSlackBody('{"type":"event_callback"}', "application/json")).toBeNull();
  });

  it("names why a payload cannot be read", () => {
    expect(unreadableSlackBody("payload=null", FORM)).toBe("JSON but not an object");
    expect(unreadableSlackBody("payload=%5B1%5D", FORM)).toBe("JSON but not an object");
    expect(unreadableSlackBody("payload=%7Bnope", FORM)).toBe("not JSON");
    expect(unreadableSlackBody("payload=%7B%7D&payload=%7B%7D", FORM)).toBe("more than one payload field");
    expect(unreadableSlackBody("42", "application/json")).toBe("JSON but not an object");
  });
});

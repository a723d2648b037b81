import { describe, expect, it } from "vitest";
import { createSlashCommandReplays } from "./slash-command-replays.js";

const command = { team_id: "T1", user_id: "U1", command: "/datadesk", text: "help", trigger_id: "1.2.abc" };

describe("slash command replays", () => {
  it("answers a command once however often the same request comes", () => {
    const replays = createSlashCommandReplays();
    expect([1, 2, 3, 4].map(() => replays.firstTime({ ...command }))).toEqual([true, false, false, false]);
  });

  it("treats any differing field as another command (a new trigger_id is a new invocation)", () => {
    const replays = createSlashCommandReplays();
    expect(replays.firstTime(command)).toBe(true);
    for (const change of [
      { trigger_id: "1.2.def" },
      { text: "help " },
      { user_id: "U2" },
      { team_id: "T2" },
      { command: "/other" },
    ])
      expect(replays.firstTime({ ...command, ...change })).toBe(true);
  });

  it("does not confuse fields that run together", () => {
    const replays = createSlashCommandReplays();
    expect(replays.firstTime({ ...command, user_id: "U1", text: "x" })).toBe(true);
    expect(replays.firstTime({ ...command, user_id: "U1x", text: "" })).toBe(true);
  });

  it("forgets a command after the window", () => {
    let now = 0;
    const replays = createSlashCommandReplays({ ttlMs: 1_000, now: () => now });
    expect(replays.firstTime(command)).toBe(true);
    now = 999;
    expect(replays.firstTime(command)).toBe(false);
    now = 2_000;
    expect(replays.firstTime(command)).toBe(true);
  });
});

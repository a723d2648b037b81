import { describe, expect, it } from "vitest";
import { createSlackUserDirectory, type SlackUserProfile } from "./slack-user-directory.js";

function setup(options: { fail?: boolean; maxEntries?: number } = {}) {
  let clock = 0;
  const asked: string[] = [];
  const errors: string[] = [];
  const directory = createSlackUserDirectory({
    fetchProfile: async (userId): Promise<SlackUserProfile> => {
      asked.push(userId);
      if (options.fail) throw new Error("user_not_found");
      return { locale: "es-ES", displayName: `name-${userId}` };
    },
    onError: (_error, userId) => errors.push(userId),
    ttlMs: 1_000,
    failureTtlMs: 100,
    maxEntries: options.maxEntries ?? 10,
    now: () => clock,
  });
  return { directory, asked, errors, advance: (ms: number) => (clock += ms) };
}

describe("createSlackUserDirectory", () => {
  it("asks Slack once per user while the answer is fresh, again after it expires", async () => {
    const { directory, asked, advance } = setup();
    const [a, b] = await Promise.all([directory.lookup("T1", "U1"), directory.lookup("T1", "U1")]);
    expect(a).toEqual({ locale: "es-ES", displayName: "name-U1" });
    expect(b).toBe(a);
    advance(999);
    await directory.lookup("T1", "U1");
    expect(asked).toEqual(["U1"]);
    advance(2);
    await directory.lookup("T1", "U1");
    expect(asked).toEqual(["U1", "U1"]);
  });

  it("answers unknown when Slack fails, reports it, and retries sooner", async () => {
    const { directory, asked, errors, advance } = setup({ fail: true });
    expect(await directory.lookup("T1", "U1")).toEqual({ locale: undefined, displayName: undefined });
    expect(errors).toEqual(["U1"]);
    advance(50);
    await directory.lookup("T1", "U1");
    expect(asked).toHaveLength(1);
    advance(51);
    await directory.lookup("T1", "U1");
    expect(asked).toHaveLength(2);
  });

  it("keeps at most maxEntries users, dropping the least recently used", async () => {
    const { directory, asked } = setup({ maxEntries: 2 });
    await directory.lookup("T1", "U1");
    await directory.lookup("T1", "U2");
    await directory.lookup("T1", "U1");
    await directory.lookup("T1", "U3");
    await directory.lookup("T1", "U1");
    expect(asked).toEqual(["U1", "U2", "U3"]);
    await directory.lookup("T1", "U2");
    expect(asked).toEqual(["U1", "U2", "U3", "U2"]);
  });

  it("keeps workspaces apart", async () => {
    const { directory, asked } = setup();
    await directory.lookup("T1", "U1");
    await directory.lookup("T2", "U1");
    expect(asked).toEqual(["U1", "U1"]);
  });
});

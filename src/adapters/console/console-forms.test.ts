import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { createDatadesk } from "../../core/bot/create-datadesk.js";
import { createConsoleAdapter } from "./console-adapter.js";

/** Types lines into a console adapter running the real core over fakes, and reads what it printed. */
async function consoleSession() {
  const deps = fakeCoreDeps();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const adapter = createConsoleAdapter({ core: createDatadesk(deps), input, output, username: "ana" });
  await adapter.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
  return {
    deps,
    async type(...lines: string[]) {
      for (const line of lines) {
        input.write(`${line}\n`);
        await settle();
      }
      // The core answers asynchronously: wait until the queue drains.
      for (let i = 0; i < 10; i++) await settle();
    },
    get printed() {
      return printed;
    },
    stop: () => adapter.stop(),
  };
}

describe("console forms", () => {
  it("asks each field in turn, asks again when an answer does not fit, and files the problem", async () => {
    const session = await consoleSession();
    await session.deps.directory.setTopics(session.deps.people.defaultCommunity.id, ["Transport", "Housing"]);
    await session.type(
      "problem",
      "Buses",
      "School bus delays are invisible to parents",
      "Parents wait in the cold because nobody publishes when school buses run late.",
      "Families in the north district",
      "",
      "7",
      "2",
      "no",
    );
    expect(session.printed).toContain("File a problem — answer each question");
    expect(session.printed).toContain("Type a number from 1 to 2.");
    // "Buses" is under the title's 8 characters: refused at the prompt, the title asked again.
    expect(session.printed).toContain("Please write at least 8 characters.");
    expect(session.printed).toContain("filed as #1");
    const after = await session.deps.problems.list({
      communityId: session.deps.people.defaultCommunity.id,
      order: "new",
      offset: 0,
      limit: 5,
    });
    expect(after.items[0]).toMatchObject({
      title: "School bus delays are invisible to parents",
      topic: "Housing",
      anonymous: false,
    });
    await session.stop();
  });

  it("cancels a form without sending anything", async () => {
    const session = await consoleSession();
    await session.type("problem", "cancel");
    expect(session.printed).toContain("Form cancelled: nothing was sent.");
    await session.stop();
  });
});

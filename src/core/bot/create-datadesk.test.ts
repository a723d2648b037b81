import { describe, expect, it } from "vitest";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { InMemoryPeopleRepository } from "../../../test/fakes/core/in-memory-people-repository.js";
import { InMemoryProcessedEvents } from "../../../test/fakes/core/in-memory-processed-events.js";
import { type Logger, silentLogger } from "../ports/logger.js";
import { cardPlainText, type FormReply } from "../shared/card.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { createDatadesk } from "./create-datadesk.js";

const slackUser: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "U1",
  displayName: "Ana",
};

function textOf(reply: FormReply): string {
  return reply.kind === "card" ? cardPlainText(reply.card) : "";
}

function setup(options: { locale?: string; logger?: Logger } = {}) {
  const people = new InMemoryPeopleRepository({ locale: options.locale ?? "en" });
  const core = createDatadesk(fakeCoreDeps({ people, logger: options.logger ?? silentLogger }));
  return { people, core };
}

describe("createDatadesk", () => {
  it("answers help with every command written the way each platform types it", async () => {
    const { core } = setup();
    const slack = textOf(await core.handle(slackUser, { kind: "commandText", text: "help" }));
    const discord = textOf(
      await core.handle({ ...slackUser, platform: "discord" }, { kind: "command", name: "help", args: {} }),
    );
    const local = textOf(
      await core.handle({ ...slackUser, platform: "console" }, { kind: "message", text: "help" }),
    );
    expect(slack).toContain("/datadesk help");
    expect(discord).toContain("/help");
    expect(discord).not.toContain("/datadesk");
    expect(local).toMatch(/^\s*help — /m);
  });

  it("treats an empty /datadesk as help and replies ephemerally", async () => {
    const { core } = setup();
    const reply = await core.handle(slackUser, { kind: "commandText", text: "   " });
    expect(reply.kind === "card" && reply.visibility).toBe("ephemeral");
    expect(textOf(reply)).toContain("datadesk");
  });

  it("speaks the community's language, and the platform's when it reports one we speak", async () => {
    const { core } = setup({ locale: "es" });
    expect(textOf(await core.handle(slackUser, { kind: "commandText", text: "help" }))).toContain("Hola");
    const english = { ...slackUser, userId: "U2", locale: "en-GB" };
    expect(textOf(await core.handle(english, { kind: "commandText", text: "help" }))).toContain(
      "Hi, I'm datadesk",
    );
    const french = { ...slackUser, userId: "U3", locale: "fr-FR" };
    expect(textOf(await core.handle(french, { kind: "commandText", text: "help" }))).toContain("Hola");
  });

  it("names an unknown command and points to help", async () => {
    const { core } = setup();
    const text = textOf(await core.handle(slackUser, { kind: "commandText", text: "frobnicate now" }));
    expect(text).toContain("frobnicate");
    expect(text).toContain("/datadesk help");
  });

  it("treats free text as a question about the data, and says when there is no catalog to answer from", async () => {
    const { core } = setup();
    const text = textOf(await core.handle(slackUser, { kind: "message", text: "hello there" }));
    expect(text).toContain("No data catalog yet");
  });

  it("refuses an unknown button without crashing", async () => {
    const { core } = setup();
    const reply = await core.handle(slackUser, { kind: "action", actionId: "nope.nothing", value: "1" });
    expect(textOf(reply)).toMatch(/couldn't find/);
  });

  it("turns an unexpected failure into a calm reply and logs it, never a stack trace", async () => {
    const logged: object[] = [];
    const logger: Logger = { ...silentLogger, error: (obj) => void logged.push(obj) };
    const people = new InMemoryPeopleRepository();
    people.findOrCreateActor = async () => {
      throw new Error("connection reset at Socket.onread (node:net:123)");
    };
    const core = createDatadesk(fakeCoreDeps({ people, logger }));
    const text = textOf(await core.handle(slackUser, { kind: "commandText", text: "help" }));
    expect(text).toMatch(/try again/i);
    expect(text).not.toContain("node:net");
    expect(logged).toHaveLength(1);
  });

  it("describes the actor and builds a home view with their roles", async () => {
    const { core } = setup();
    const me = await core.describeActor({ platform: "console", workspaceId: "local", userId: "op" });
    expect(me.roles).toContain("admin");
    const home = await core.home(slackUser);
    expect(JSON.stringify(home)).toContain("member");
  });

  it("tells adapters whether a platform event is new, and fails open when the store fails", async () => {
    const { core } = setup();
    expect(await core.firstTime?.("slack", "Ev1")).toBe(true);
    expect(await core.firstTime?.("slack", "Ev1")).toBe(false);

    const logged: object[] = [];
    const processedEvents = new InMemoryProcessedEvents();
    processedEvents.firstTime = async () => {
      throw new Error("connection refused");
    };
    const logger: Logger = { ...silentLogger, error: (obj) => void logged.push(obj) };
    const failing = createDatadesk(fakeCoreDeps({ logger, processedEvents }));
    // Answering twice beats never answering.
    expect(await failing.firstTime?.("discord", "message:1")).toBe(true);
    expect(logged).toHaveLength(1);
  });
});

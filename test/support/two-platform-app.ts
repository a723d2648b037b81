import type { APIEmbed } from "discord.js";
import { isSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/fake-discord-server.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/index.js";
import type { FakeUserProfile } from "../fakes/slack/web-api-responses.js";
import { startTestApp, type TestApp } from "./test-app.js";

/**
 * The whole app on the fake Slack (HTTP receiver) and the fake Discord at once, as the
 * cross-platform end-to-end tests need it. The outbox is not drained in the background: tests
 * call `drain()` so they know when messages went out.
 */
export interface TwoPlatformApp {
  slack: FakeSlack;
  discord: FakeDiscord;
  desk: TestApp;
  /** The Slack receiver's events URL. */
  receiverUrl: string;
  /** Discord users added before the app started, by name. */
  discordUsers: Record<string, string>;
  /** Delivers what is due, twice: edits wait for the post they edit to be delivered first. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function startTwoPlatformApp(options: {
  signingSecret: string;
  discordToken: string;
  slackToken: string;
  discordUsers?: readonly string[];
  /** users.info overrides on the fake Slack (locale, name, email), by user id. */
  slackUsers?: Record<string, FakeUserProfile>;
}): Promise<TwoPlatformApp> {
  const slack = await startFakeSlack({
    waitTimeoutMs: 15_000,
    ...(options.slackUsers ? { users: options.slackUsers } : {}),
  });
  const discord = await startFakeDiscord({ token: options.discordToken, callbackTimeoutMs: 15_000 });
  const discordUsers: Record<string, string> = {};
  for (const name of options.discordUsers ?? []) discordUsers[name] = discord.addUser(name).id;
  const desk = await startTestApp(
    {
      SLACK_BOT_TOKEN: options.slackToken,
      SLACK_SIGNING_SECRET: options.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: options.discordToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      PORT: "0",
      HOST: "127.0.0.1",
    },
    { outboxIntervalMs: 3_600_000 },
  );
  const receiverUrl = `http://127.0.0.1:${desk.app.adapters.find(isSlackAdapter)?.port()}/slack/events`;
  return {
    slack,
    discord,
    desk,
    receiverUrl,
    discordUsers,
    async drain() {
      await desk.app.outbox.drain();
      await desk.app.outbox.drain();
    },
    async close() {
      await desk.close();
      await slack.close();
      await discord.close();
    },
  };
}

/** A Discord message or interaction reply as the tests read it. */
export interface DiscordMessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components?: Array<{ custom_id?: string; label?: string }> }>;
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
}

export const discordBody = (value: unknown) => (value ?? {}) as DiscordMessageBody;

/** Content and every embed's title, description and fields, one per line. */
export function discordText(value: unknown): string {
  const m = discordBody(value);
  return [
    m.content ?? "",
    ...(m.embeds ?? []).flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join("\n");
}

export interface SlackButton {
  action_id: string;
  value?: string;
  text?: { text: string };
}

/** Every button of a Block Kit message's actions blocks. */
export function slackButtons(blocks: unknown): SlackButton[] {
  return ((blocks ?? []) as Array<Record<string, unknown>>).flatMap((b) =>
    b.type === "actions" ? ((b.elements ?? []) as SlackButton[]) : [],
  );
}

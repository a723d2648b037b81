import { webApi } from "@slack/bolt";
import { SLACK_BOT_SCOPES } from "../../adapters/slack/slack-manifest.js";
import type { SlackConfig } from "../../config.js";
import { type ConfiguredChannels, type DoctorCheck, fail, ok } from "./doctor-check.js";

/** A doctor asks once and reports: no half-hour of retries on a wrong URL. */
const CLIENT_OPTIONS = { retryConfig: { retries: 0 }, timeout: 10_000 } satisfies webApi.WebClientOptions;

function slackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string"
    ? data.error
    : error instanceof Error
      ? error.message
      : String(error);
}

/**
 * Slack as the real Web API (and the fake) answer it: the bot token (auth.test), the scopes it
 * was granted (Slack's x-oauth-scopes header, which WebClient exposes as response_metadata.scopes)
 * against the manifest's, the Socket Mode app token or the signing secret, and the bot's
 * membership of every channel the community set up.
 */
export async function slackChecks(
  slack: SlackConfig,
  channels: () => Promise<ConfiguredChannels[]>,
): Promise<DoctorCheck[]> {
  const urlOption = slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {};
  const client = new webApi.WebClient(slack.botToken, { ...CLIENT_OPTIONS, ...urlOption });
  let auth: webApi.AuthTestResponse;
  try {
    auth = await client.auth.test();
  } catch (error) {
    return [
      fail(
        `slack: the bot token was refused (${slackError(error)})`,
        "copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into SLACK_BOT_TOKEN; reinstall the app if it was revoked",
      ),
    ];
  }
  const checks: DoctorCheck[] = [
    ok(`slack: bot token valid (workspace ${auth.team ?? auth.team_id}, bot ${auth.user})`),
  ];

  const granted = new Set(auth.response_metadata?.scopes ?? []);
  const missing = SLACK_BOT_SCOPES.filter((scope) => !granted.has(scope));
  checks.push(
    missing.length === 0
      ? ok(`slack: all ${SLACK_BOT_SCOPES.length} scopes of manifests/slack-app-manifest.json granted`)
      : fail(
          `slack: scopes missing from the token: ${missing.join(", ")}`,
          "update the app from manifests/slack-app-manifest.json (App Manifest), then reinstall it to the workspace",
        ),
  );

  if (slack.mode === "socket") {
    try {
      await new webApi.WebClient(slack.appToken, { ...CLIENT_OPTIONS, ...urlOption }).apps.connections.open();
      checks.push(ok("slack: Socket Mode app token valid"));
    } catch (error) {
      checks.push(
        fail(
          `slack: the Socket Mode app token was refused (${slackError(error)})`,
          "turn Socket Mode on and create an app-level token with connections:write (Basic Information → App-Level Tokens) for SLACK_APP_TOKEN",
        ),
      );
    }
  } else {
    checks.push(ok("slack: HTTP mode with a signing secret (Slack must reach /slack/events on this server)"));
  }

  for (const workspace of await channels()) {
    if (auth.team_id && workspace.workspaceId !== auth.team_id) continue;
    for (const channel of workspace.channels) checks.push(await channelCheck(client, channel));
  }
  return checks;
}

async function channelCheck(
  client: webApi.WebClient,
  channel: { purpose: string; id: string },
): Promise<DoctorCheck> {
  const label = `slack: ${channel.purpose} channel ${channel.id}`;
  try {
    const info = await client.conversations.info({ channel: channel.id });
    if (info.channel?.is_member === false) {
      return fail(
        `${label} (#${info.channel.name ?? "?"}): the bot is not a member`,
        `type /invite @datadesk in #${info.channel.name ?? channel.id}`,
      );
    }
    return ok(`${label} (#${info.channel?.name ?? "?"}): the bot is a member`);
  } catch (error) {
    return fail(
      `${label}: ${slackError(error)}`,
      "pick an existing channel with `setup` in chat (or `datadesk community channel`), and invite the bot to a private one",
    );
  }
}

import { buildDiscordApplicationCommands } from "../adapters/discord/discord-commands.js";
import { buildSlackManifest } from "../adapters/slack/slack-manifest.js";

/** The committed manifests, path → exact file content, all derived from the command registry. */
export function renderManifests(): Record<string, string> {
  return {
    "manifests/slack-app-manifest.json": `${JSON.stringify(buildSlackManifest("http"), null, 2)}\n`,
    "manifests/slack-app-manifest.socket-mode.json": `${JSON.stringify(buildSlackManifest("socket"), null, 2)}\n`,
    "manifests/discord-commands.json": `${JSON.stringify(buildDiscordApplicationCommands(), null, 2)}\n`,
  };
}

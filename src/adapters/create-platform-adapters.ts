import type { PlatformAdapter } from "./platform-adapter.js";
import type { PlatformAdapterDeps } from "./platform-adapter-deps.js";

/**
 * One adapter per configured platform; several credentials mean several adapters in one process.
 * Platform SDKs are imported only when configured: Bolt and discord.js cost most of a second to
 * load, which the console and CLI commands should not pay.
 */
export async function createPlatformAdapters(deps: PlatformAdapterDeps): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (deps.config.slack) {
    const { createSlackAdapter } = await import("./slack/slack-adapter.js");
    adapters.push(createSlackAdapter({ ...deps, slack: deps.config.slack }));
  }
  if (deps.config.discord) {
    const { createDiscordAdapter } = await import("./discord/discord-adapter.js");
    adapters.push(createDiscordAdapter({ ...deps, discord: deps.config.discord }));
  }
  return adapters;
}

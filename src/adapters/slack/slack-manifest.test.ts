import { describe, expect, it } from "vitest";
import { shortcutHandlers } from "../../core/bot/routes.js";
import { listedCommands } from "../../core/commands/registry.js";
import { translator } from "../../core/i18n/translator.js";
import { buildSlackManifest } from "./slack-manifest.js";

describe("buildSlackManifest", () => {
  const manifest = buildSlackManifest();

  it("declares one /datadesk command that lists every registered subcommand", () => {
    const [command, ...others] = manifest.features.slash_commands;
    expect(others).toEqual([]);
    expect(command).toMatchObject({ command: "/datadesk", url: "https://YOUR-HOST/slack/events" });
    for (const { name } of listedCommands) {
      expect(command?.usage_hint).toContain(name);
      expect(command?.description).toContain(name);
    }
    expect(command?.usage_hint).not.toContain("claim");
  });

  it("asks for the scopes and events the adapter uses, and nothing it does not", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "app_mentions:read",
      "channels:history",
      "chat:write",
      "commands",
      "groups:history",
      "im:history",
      "im:write",
      "links:read",
      "links:write",
      "users:read",
      "users:read.email",
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_mention",
      "message.im",
      "message.channels",
      "message.groups",
      "app_home_opened",
      "link_shared",
    ]);
    expect(manifest.settings).toMatchObject({
      interactivity: { is_enabled: true, request_url: "https://YOUR-HOST/slack/events" },
      socket_mode_enabled: false,
    });
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it("has a Socket Mode variant with the same scopes and events and no URL for Slack to verify", () => {
    const socket = buildSlackManifest("socket");
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.oauth_config).toEqual(manifest.oauth_config);
    expect(socket.settings.event_subscriptions.bot_events).toEqual(
      manifest.settings.event_subscriptions.bot_events,
    );
    expect(JSON.stringify(socket)).not.toContain("YOUR-HOST");
    expect(socket.features.slash_commands.map((c) => c.command)).toEqual(["/datadesk"]);
  });

  it('offers "Turn into problem" on messages, routed to a shortcut the core handles', () => {
    expect(manifest.features.shortcuts).toEqual([
      {
        name: "Turn into problem",
        type: "message",
        callback_id: "problem.from_message",
        description: translator("en")("problems:shortcuts.fromMessage.description"),
      },
    ]);
    for (const shortcut of manifest.features.shortcuts) {
      expect(shortcutHandlers[shortcut.callback_id], shortcut.callback_id).toBeTypeOf("function");
      expect(shortcut.name.length).toBeLessThanOrEqual(24);
      expect(shortcut.description.length).toBeLessThanOrEqual(150);
    }
    // Every language's name fits too (Slack shows the manifest's, but translators should know).
    for (const locale of ["en", "es"])
      expect(translator(locale)("problems:shortcuts.fromMessage.name").length).toBeLessThanOrEqual(24);
  });

  it("uses English strings within Slack's limits, uncut", () => {
    expect(manifest.display_information.name).toBe("datadesk");
    expect(manifest.display_information.description).toBe(translator("en")("slack:manifest.description"));
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it("is plain JSON and the same every time", () => {
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    expect(buildSlackManifest()).toEqual(manifest);
  });
});

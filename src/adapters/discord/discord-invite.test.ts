import { readFileSync } from "node:fs";
import { PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { discordInviteUrl, discordPermissionsInteger } from "./discord-invite.js";

describe("the Discord invite link", () => {
  it("asks for the bot and its commands with exactly the permissions the bot uses", () => {
    const url = new URL(discordInviteUrl("123456789012345678"));
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")?.split(" ").sort()).toEqual(["applications.commands", "bot"]);
    const granted = new PermissionsBitField(BigInt(url.searchParams.get("permissions") ?? "0"));
    expect(granted.toArray().sort()).toEqual([
      "CreatePublicThreads",
      "EmbedLinks",
      "ReadMessageHistory",
      "SendMessages",
      "SendMessagesInThreads",
      "ViewChannel",
    ]);
  });

  it("is the one README gives", () => {
    expect(readFileSync("README.md", "utf8")).toContain(`permissions=${discordPermissionsInteger()}`);
  });
});

import type { PlatformIdentity } from "../../../src/core/shared/platform.js";

/** The people and the project of the core's showcase tests, on both platforms. */
export const id = (platform: "slack" | "discord", userId: string, displayName: string): PlatformIdentity => ({
  platform,
  workspaceId: platform === "slack" ? "T1" : "G1",
  userId,
  displayName,
});
export const who = {
  ana: id("slack", "UANA", "Ana"),
  ben: id("discord", "200", "Ben"),
  chen: id("slack", "UCHEN", "Chen"),
  dora: id("discord", "300", "Dora"),
};

export const showcaseDetails = {
  title: "Safe routes to school",
  summary: "An interactive map of risky crossings near schools, built with parents.",
  link: "https://example.org/safe-routes",
  image_url: "https://example.org/safe-routes.png",
  team: "Northside Parents",
};

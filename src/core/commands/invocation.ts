import type { Platform } from "../shared/platform.js";
import { slackSlashCommand } from "./registry.js";

/** How a person types a command on their platform: "/datadesk ask", "/ask" or "ask". */
export function invocationOf(platform: Platform, commandName: string): string {
  switch (platform) {
    case "slack":
      return `${slackSlashCommand} ${commandName}`;
    case "discord":
      return `/${commandName}`;
    case "console":
      return commandName;
  }
}

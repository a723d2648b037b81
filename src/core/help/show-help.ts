import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { listedCommands } from "../commands/registry.js";
import { ephemeral, type Reply, type RichText } from "../shared/card.js";

/** The help card: what datadesk does and every command, written the way this platform types it. */
export function showHelp(ctx: RequestContext): Reply {
  const { t, identity } = ctx;
  const items: RichText[] = listedCommands.map((command) => {
    const example = command.exampleKey ? ` ${t(command.exampleKey)}` : "";
    return [
      { text: `${invocationOf(identity.platform, command.name)}${example}`, style: "code" },
      ` — ${t(command.descriptionKey)}`,
    ];
  });
  return ephemeral({
    fallbackText: t("help:title"),
    accent: "info",
    blocks: [
      { type: "header", text: t("help:title") },
      { type: "section", text: [t("help:intro")] },
      { type: "section", text: [{ text: t("help:commandsHeading"), style: "bold" }] },
      { type: "list", items },
    ],
  });
}

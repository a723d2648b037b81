import { invocationOf } from "../commands/invocation.js";
import { ephemeral } from "../shared/card.js";
import type { CapabilityModule, CommandHandler } from "../shared/handlers.js";
import { ownEntry } from "../shared/own-entry.js";
import { digestCommandSpecs } from "./digest-commands.js";
import { digestSettingsFormHandlers, openDigestSettings } from "./digest-settings.js";
import { previewDigest } from "./preview-digest.js";

/**
 * `digest [action]`, one handler per action (the personal digest settings add theirs here).
 * No action previews this week so far.
 */
const digestActions: Record<string, CommandHandler> = {
  preview: (ctx) => previewDigest(ctx),
  // Your own weekly digest by DM: on or off, and which sections.
  settings: (ctx) => openDigestSettings(ctx),
};

const DEFAULT_ACTION = "preview";

const digestCommand: CommandHandler = (ctx, args) => {
  const typed = typeof args.action === "string" ? args.action.trim().toLowerCase() : "";
  const [name = DEFAULT_ACTION, ...rest] = typed === "" ? [DEFAULT_ACTION] : typed.split(/\s+/);
  const handler = ownEntry(digestActions, name);
  if (handler) return handler(ctx, { ...args, action: name, rest: rest.join(" ") });
  const invocation = invocationOf(ctx.identity.platform, "digest");
  const text = ctx.t("digest:preview.unknownAction", {
    usage: `${invocation} ${DEFAULT_ACTION}`,
    settings: `${invocation} settings`,
  });
  return ephemeral({ fallbackText: text, blocks: [{ type: "section", text: [text] }] });
};

/**
 * Weekly digests as one module: the `digest` command (preview, personal settings) and its form,
 * for the route tables (src/core/bot/routes.ts), the command registry (which imports
 * digest-commands.ts itself). Its strings are two namespaces, "digest" and "digestSettings"
 * (core/i18n/locales/<lang>/digest*.ts); the weekly job is src/jobs/digest-job.ts.
 */
export const digestModule = {
  commandSpecs: digestCommandSpecs,
  commands: { digest: digestCommand },
  autocomplete: {
    "digest.action": (_ctx, text) =>
      Object.keys(digestActions)
        .filter((name) => name.startsWith(text.trim().toLowerCase()))
        .map((name) => ({ label: name, value: name })),
  },
  actions: {},
  forms: digestSettingsFormHandlers,
} satisfies CapabilityModule;

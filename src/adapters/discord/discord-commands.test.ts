import { ApplicationCommandType } from "discord.js";
import { describe, expect, it } from "vitest";
import type { CommandSpec } from "../../core/commands/command-spec.js";
import { commandRegistry, listedCommands } from "../../core/commands/registry.js";
import {
  buildDiscordApplicationCommands,
  buildDiscordCommands,
  messageShortcutNamed,
} from "./discord-commands.js";

const UNTRANSLATED_KEY = /^[\w-]+:[\w.]+$/;

describe("buildDiscordCommands", () => {
  it("makes every listed registry command a top-level slash command usable in servers and bot DMs", () => {
    const commands = buildDiscordCommands();
    expect(commands.map((c) => c.name)).toEqual(listedCommands.map((c) => c.name));
    // Typed-only words (the first-admin claim) never become slash commands in every member's list.
    const typedOnly = commandRegistry.filter((c) => c.surface === "typed").map((c) => c.name);
    expect(typedOnly).toContain("claim");
    for (const name of typedOnly) expect(commands.map((c) => c.name)).not.toContain(name);
    expect(commands.find((c) => c.name === "help")).toMatchInlineSnapshot(`
      {
        "contexts": [
          0,
          1,
        ],
        "description": "Show what datadesk can do",
        "description_localizations": {
          "es-419": "Muestra lo que datadesk puede hacer",
          "es-ES": "Muestra lo que datadesk puede hacer",
        },
        "integration_types": [
          0,
        ],
        "name": "help",
        "options": [],
        "type": 1,
      }
    `);
  });

  it("shows admin commands by default only to those who manage the server, and every other command to all", () => {
    const hidden = buildDiscordCommands()
      .filter((c) => c.default_member_permissions !== undefined)
      .map((c) => [c.name, c.default_member_permissions]);
    // 32 is Manage Server.
    expect(hidden.sort()).toEqual([
      ["channel", "32"],
      ["role", "32"],
      ["setup", "32"],
    ]);
  });

  it("offers fixed values as a translated list whose values are what the handlers accept", () => {
    const role = buildDiscordCommands().find((c) => c.name === "role");
    const level = role?.options?.find((o) => o.name === "level");
    expect(level).toMatchObject({
      choices: [
        { name: "executive", value: "executive", name_localizations: { "es-ES": "ejecutivo" } },
        { name: "internal", value: "internal" },
        {
          name: "external-facing",
          value: "external",
          name_localizations: { "es-419": "de cara al público" },
        },
      ],
    });
    const purpose = buildDiscordCommands()
      .find((c) => c.name === "channel")
      ?.options?.find((o) => o.name === "purpose");
    expect(purpose && "choices" in purpose ? purpose.choices?.map((c) => c.value) : []).toEqual([
      "problems",
      "triage",
    ]);
    // Every choice list comes without autocomplete or a length limit, which Discord would refuse.
    for (const command of buildDiscordCommands()) {
      for (const option of command.options ?? []) {
        if (!("choices" in option) || !option.choices) continue;
        expect(option, `${command.name} ${option.name}`).not.toHaveProperty("autocomplete");
        expect(option, `${command.name} ${option.name}`).not.toHaveProperty("max_length");
      }
    }
  });

  it("respects Discord's naming and length rules for every command and option", () => {
    for (const command of buildDiscordCommands()) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      // An untranslated i18n key looks like "ns:key.path" (a translation may contain ":" too).
      expect(command.description).not.toMatch(UNTRANSLATED_KEY);
      for (const text of Object.values(command.description_localizations ?? {})) {
        expect(text?.length).toBeLessThanOrEqual(100);
      }
      for (const option of command.options ?? []) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
        expect(option.description).not.toMatch(UNTRANSLATED_KEY);
      }
    }
  });

  it("maps option types, required-first order, autocomplete and max length", () => {
    const registry: CommandSpec[] = [
      {
        name: "dataset",
        descriptionKey: "help:commandDescriptions.help",
        options: [
          { name: "verbose", descriptionKey: "help:title", type: "boolean", required: false },
          {
            name: "name",
            descriptionKey: "help:commandsHeading",
            type: "string",
            required: true,
            autocomplete: true,
            takesRest: true,
            maxLength: 200,
          },
          { name: "limit", descriptionKey: "help:homeTitle", type: "integer", required: false },
        ],
      },
    ];
    const [command] = buildDiscordCommands(registry);
    expect(command?.options).toEqual([
      {
        name: "name",
        type: 3,
        required: true,
        autocomplete: true,
        max_length: 200,
        description: "What you can ask me",
        description_localizations: { "es-ES": "Lo que puedes pedirme", "es-419": "Lo que puedes pedirme" },
      },
      expect.objectContaining({ name: "verbose", type: 5, required: false }),
      // Text that is the same in every language ("datadesk") needs no localisation.
      expect.objectContaining({ name: "limit", type: 4, required: false, description_localizations: {} }),
    ]);
  });

  it("refuses a command whose description has no translation at all", () => {
    const registry: CommandSpec[] = [{ name: "oops", descriptionKey: "help:no.such.key", options: [] }];
    expect(() => buildDiscordCommands(registry)).toThrow(/help:no\.such\.key/);
  });
});

describe("buildDiscordApplicationCommands", () => {
  it("adds each message shortcut as a message context-menu command, named in every language", () => {
    const all = buildDiscordApplicationCommands();
    expect(all.slice(0, buildDiscordCommands().length)).toEqual(buildDiscordCommands());
    const menu = all.filter((c) => c.type === ApplicationCommandType.Message);
    expect(menu).toEqual([
      {
        type: ApplicationCommandType.Message,
        name: "Turn into problem",
        name_localizations: { "es-ES": "Convertir en problema", "es-419": "Convertir en problema" },
        integration_types: [0],
        contexts: [0],
      },
    ]);
    // /datadesk is Discord's own entry point; no registry command may take its name.
    expect(all.filter((c) => c.name === "datadesk")).toHaveLength(1);
    // Discord sends the default (English) name back, whatever the member's language.
    expect(messageShortcutNamed("Turn into problem")?.id).toBe("problem.from_message");
    expect(messageShortcutNamed("turn into problem")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { commandRegistry } from "../commands/registry.js";
import { translator } from "../i18n/translator.js";
import { autocompleteHandlers, commandHandlers } from "./routes.js";

describe("command registry and handlers", () => {
  it("advertises no command without a handler, and handles no command it does not advertise", () => {
    expect(Object.keys(commandHandlers).sort()).toEqual(commandRegistry.map((c) => c.name).sort());
  });

  it("has an autocomplete handler for every option marked autocomplete", () => {
    const wanted = commandRegistry.flatMap((c) =>
      c.options.filter((o) => o.autocomplete).map((o) => `${c.name}.${o.name}`),
    );
    for (const key of wanted) expect(autocompleteHandlers[key], key).toBeTypeOf("function");
  });

  it("uses names every platform accepts and describes everything in both languages", () => {
    const names = new Set<string>();
    for (const command of commandRegistry) {
      expect(command.name).toMatch(/^[a-z][a-z0-9-]{0,31}$/);
      expect(names.has(command.name)).toBe(false);
      names.add(command.name);
      for (const locale of ["en", "es"]) {
        const t = translator(locale);
        const keys = [command.descriptionKey, ...command.options.map((o) => o.descriptionKey)];
        for (const key of keys) {
          const text = t(key);
          expect(text, `${locale} ${key}`).not.toBe(key.split(":").pop());
          expect(text.length, `${locale} ${key}`).toBeLessThanOrEqual(100);
        }
      }
      expect(command.options.filter((o) => o.takesRest).length).toBeLessThanOrEqual(1);
    }
  });
});

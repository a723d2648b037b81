import type { CommandSpec } from "./command-spec.js";

/**
 * Splits free text typed after `/datadesk` or at the console ("ask is there bike data?") into a
 * command name and the rest, without guessing: the first word is the command.
 */
export function splitCommandText(text: string): { name: string; rest: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { name: "", rest: "" };
  return { name: (match[1] ?? "").toLowerCase(), rest: (match[2] ?? "").trim() };
}

/** Maps the rest of a typed command onto the option that takes it (see `takesRest`). */
export function argsFromText(spec: CommandSpec, rest: string): Record<string, string> {
  const target = spec.options.find((option) => option.takesRest);
  if (!target || rest === "") return {};
  return { [target.name]: rest };
}

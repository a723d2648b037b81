import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configVariableNames } from "../../src/config.js";

/**
 * An operator configures datadesk from README's table or from .env.example; both must name exactly
 * the variables src/config.ts reads, so neither can drift when a setting is added or removed.
 */
const readme = readFileSync("README.md", "utf8");
const envExample = readFileSync(".env.example", "utf8");

function readmeTableVariables(): string[] {
  const section = readme.slice(readme.indexOf("## Configuration"));
  const table = section.slice(0, section.indexOf("\n## "));
  return [...table.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1] ?? "");
}

/** `KEY=` or `# KEY=` lines, split at the compose-only section. */
function envExampleVariables(): { datadesk: string[]; composeOnly: string[] } {
  const [datadeskPart, composePart = ""] = envExample.split(/^# --- compose\.yaml only.*$/m);
  const names = (text: string) => [...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] ?? "");
  return { datadesk: names(datadeskPart ?? ""), composeOnly: names(composePart) };
}

describe("configuration variables", () => {
  it("README's configuration table lists every variable datadesk reads, and no other", () => {
    expect([...readmeTableVariables()].sort()).toEqual([...configVariableNames].sort());
  });

  it(".env.example lists every variable datadesk reads once, and no other outside its compose section", () => {
    const { datadesk, composeOnly } = envExampleVariables();
    expect([...datadesk].sort()).toEqual([...configVariableNames].sort());
    expect(new Set(datadesk).size).toBe(datadesk.length);
    // compose.yaml's own variables: each is used there, and datadesk does not read it.
    const compose = readFileSync("compose.yaml", "utf8");
    expect(composeOnly.length).toBeGreaterThan(0);
    for (const name of composeOnly) {
      expect(compose).toContain(`\${${name}`);
      expect(configVariableNames).not.toContain(name);
    }
  });

  it("leaves every datadesk variable commented out, so an unset one never overrides the image's defaults", () => {
    expect(envExample).not.toMatch(/^(?!POSTGRES_PASSWORD=)[A-Z][A-Z0-9_]+=/m);
  });
});

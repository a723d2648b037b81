import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Access requests are one module (issue 18, docs/ARCHITECTURE.md "Where to find it"): the use
 * cases, their ports (core/access/ports.ts) and their jobs in src/core/access/, the SQL behind
 * the ports in src/store/access/, the strings in the mirrored i18n namespace
 * (core/i18n/locales/<lang>/access.ts). The rest of src/ only wires them (main.ts, the CLI,
 * the routes and registry). Two rules keep that from eroding without naming every file:
 * the capability's file prefix `access-` appears only inside its two folders (the permission
 * checks `problem-access`, `channel-access`… are other capabilities' and do not start with it),
 * and the shared ports folder declares no port over access-request types.
 */
const src = resolve("src");
const homes = [join(src, "core", "access") + sep, join(src, "store", "access") + sep];

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : typescriptFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const importSpecifiers = (source: string) =>
  [...source.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((match) => match[1] ?? "");

describe("the access-request module", () => {
  it("keeps files named access-* in src/core/access and src/store/access", () => {
    const strays = typescriptFiles(src)
      .filter((file) => /^access-/.test(file.slice(file.lastIndexOf(sep) + 1)))
      .filter((file) => !homes.some((home) => file.startsWith(home)))
      .map((file) => relative(process.cwd(), file));
    expect(strays).toEqual([]);
  });

  it("declares no access port in src/core/ports: they live in src/core/access/ports.ts", () => {
    const portsDir = join(src, "core", "ports");
    const accessDir = join(src, "core", "access");
    const strays = typescriptFiles(portsDir).flatMap((file) =>
      importSpecifiers(readFileSync(file, "utf8"))
        .filter((specifier) => specifier.startsWith("."))
        .filter((specifier) => resolve(file, "..", specifier).startsWith(accessDir + sep))
        .map((specifier) => `${relative(process.cwd(), file)} imports ${specifier}`),
    );
    expect(strays).toEqual([]);
  });

  it("keeps the access strings in the i18n namespace named for the module, in every language", () => {
    const locales = readdirSync(join(src, "core", "i18n", "locales"));
    expect(locales.length).toBeGreaterThan(1);
    for (const locale of locales)
      expect(readdirSync(join(src, "core", "i18n", "locales", locale))).toContain("access.ts");
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The dependency rule of docs/ARCHITECTURE.md: src/core is platform-neutral. It may import
 * other core files, zod, i18next, date-fns and p-limit (no I/O of their own), and node built-ins that do no I/O
 * configuration — never a platform SDK, Prisma, the store, adapters, or process.env.
 */
const coreDir = resolve("src/core");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const allowedPackages = new Set(["zod", "i18next", "date-fns", "@date-fns/tz", "p-limit"]);
const allowedNodeBuiltins = new Set(["node:crypto"]);

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\bfrom\s+["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\bimport\s+["']([^"']+)["']/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? "");
  return specifiers;
}

function boundaryViolations(files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const rel = relative(process.cwd(), file);
    if (/\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*["']env["']\s*\]/.test(source))
      problems.push(`${rel} reads process.env`);
    for (const specifier of importsOf(source)) {
      if (specifier.startsWith(".")) {
        const target = resolve(file, "..", specifier);
        if (!target.startsWith(coreDir)) problems.push(`${rel} imports ${specifier} from outside src/core`);
        continue;
      }
      if (specifier.startsWith("node:")) {
        if (!allowedNodeBuiltins.has(specifier)) problems.push(`${rel} imports ${specifier}`);
        continue;
      }
      const pkg = specifier.startsWith("@")
        ? specifier.split("/").slice(0, 2).join("/")
        : (specifier.split("/")[0] ?? "");
      if (!allowedPackages.has(pkg)) problems.push(`${rel} imports package ${specifier}`);
    }
  }
  return problems;
}

describe("src/core dependency rule", () => {
  it("imports no platform SDK, Prisma, store, adapters or process.env", () => {
    const files = sourceFiles(coreDir);
    expect(files.length).toBeGreaterThan(10);
    expect(boundaryViolations(files)).toEqual([]);
  });

  it("would catch a violation", () => {
    const fixture = join(coreDir, "..", "..", "test", "architecture", "fixtures");
    const violations = boundaryViolations(sourceFiles(fixture));
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringContaining("imports package @slack/bolt"),
        expect.stringContaining("imports package discord.js"),
        expect.stringContaining("imports package @prisma/client"),
        expect.stringContaining("reads process.env"),
        expect.stringContaining("from outside src/core"),
      ]),
    );
  });
});

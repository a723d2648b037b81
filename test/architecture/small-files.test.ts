import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Small files with names that say what they hold (docs/ARCHITECTURE.md): a source file in src/,
 * colocated tests included, stays within 300 lines, so each can be read whole. The generated
 * Prisma client is not ours to split.
 */
const maxLines = 300;

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : typescriptFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe("source file size", () => {
  it(`keeps every file in src/ within ${maxLines} lines`, () => {
    const offenders = typescriptFiles("src")
      .map((file) => ({ file: relative(process.cwd(), file), lines: lineCount(readFileSync(file, "utf8")) }))
      .filter(({ lines }) => lines > maxLines)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(offenders).toEqual([]);
  });
});

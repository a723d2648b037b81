import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One store factory per capability (docs/ARCHITECTURE.md): each capability folder of src/store
 * has exactly one `<capability>-stores.ts` exporting `create…Stores`, and the composition root
 * (src/services.ts) builds the stores through it, so a capability's stores are made in one
 * place. The folders that are not capabilities but the machinery under all of them are named.
 */
const storeDir = resolve("src/store");
const infrastructure = new Set([
  "embedded", // the embedded database's owner, worker and socket
  "outbox", // the queue every capability's unit of work writes to
  "public", // the web adapter's read port
]);

const capabilities = readdirSync(storeDir).filter(
  (name) => statSync(join(storeDir, name)).isDirectory() && !infrastructure.has(name),
);

describe("store factories", () => {
  it("finds the capability folders", () => {
    expect(capabilities.length).toBeGreaterThanOrEqual(8);
  });

  it.each(capabilities)("store/%s has one factory, used by the composition root", (folder) => {
    const factories = readdirSync(join(storeDir, folder)).filter((file) => file.endsWith("-stores.ts"));
    expect(factories).toHaveLength(1);
    const [file = ""] = factories;
    const exported = [
      ...readFileSync(join(storeDir, folder, file), "utf8").matchAll(/export function (create\w+Stores)\(/g),
    ].map((match) => match[1]);
    expect(exported).toHaveLength(1);
    const services = readFileSync(resolve("src/services.ts"), "utf8");
    expect(services).toContain(`${exported[0]}(`);
  });
});

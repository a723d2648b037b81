// Writes manifests/ from the command registry: the Slack app manifest and the Discord command
// list. `npm run manifests` after changing commands; test/architecture/manifests.test.ts fails
// when the committed files are out of date.
import { writeFileSync } from "node:fs";
import { renderManifests } from "../src/manifests/render-manifests.js";

for (const [path, content] of Object.entries(renderManifests())) {
  writeFileSync(path, content);
  process.stdout.write(`wrote ${path}\n`);
}

// `npm start` runs the compiled CLI; a fresh clone has no dist/ yet, so the quick start's
// `npm install && npm start` builds it once here. After pulling changes, run `npm run build`.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("dist/cli/index.js")) execSync("npm run build", { stdio: "inherit" });

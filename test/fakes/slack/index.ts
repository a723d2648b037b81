// One import for tests: `import { startFakeSlack, postSlashCommand, ... } from "../fakes/slack/index.js"`.
export * from "./fake-slack-server.js";
export * from "./fake-socket-mode.js";
export * from "./fake-workspace.js";
export * from "./recording-logger.js";
export * from "./signed-request.js";

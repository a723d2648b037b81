import type { PlatformIdentity } from "../../../src/core/shared/platform.js";

/** A problem form filled in as a resident would, for core tests that need one problem filed. */
export const sampleProblemValues = {
  title: "School bus delays are invisible",
  description: "Parents wait in the cold because nobody publishes when school buses run late.",
  affected: "Families in the north district",
  place: "North",
  topic: "Transport",
  anonymous: "false",
};

/** A champion on Slack, workspace T1 (the workspace the core problem tests file from). */
export const slackChampion: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "UCHAMP",
  displayName: "Chen",
};

/** Words of a problem's conversation: its thread's name and the copies of replies from other platforms. */
export const problemThreads = {
  threadName: "{{ref}} · {{title}}",
  platform: { slack: "Slack", discord: "Discord", console: "the console" },
  mirrored: "{{name}} on {{platform}}:",
  edited: "(edited)",
  statusMoved: "{{name}} moved {{ref}} to {{status}}.",
  statusNote: "Note: {{note}}",
  publicHeading: "Conversation ({{count}})",
  writtenOn: "A community member, {{date}}",
} as const;

/**
 * Actions people run on someone's message (Slack: a message shortcut; Discord: a message
 * context-menu command, "Apps → Turn into problem"). The core receives the message's text as a
 * `shortcut` request with this id, whichever platform it came from.
 */
export interface MessageShortcutSpec {
  /** Slack's callback_id and the core's shortcut id. */
  id: string;
  /** i18n key of the name people see (Slack ≤ 24 characters, Discord ≤ 32). */
  nameKey: string;
  /** i18n key of the description (Slack only: Discord's menu commands have none). */
  descriptionKey: string;
}

export const messageShortcuts: readonly MessageShortcutSpec[] = [
  {
    id: "problem.from_message",
    nameKey: "problems:shortcuts.fromMessage.name",
    descriptionKey: "problems:shortcuts.fromMessage.description",
  },
];

/**
 * Which Slack requests the acknowledging thread answers itself. datadesk's answer to a slash
 * command, an event, a button press or a message shortcut is always the same empty 200 (the
 * reply follows through response_url or the Web API), so it is sent before the app sees the
 * request, and no answering or database work on the app's event loop can make Slack wait for it.
 * Everything else (a form submission's validation errors, a select menu's options) is answered
 * with what the app's listener acknowledges.
 */
const ACKED_AT_ONCE_TYPES: ReadonlySet<string> = new Set([
  "event_callback",
  "block_actions",
  "message_action",
  "shortcut",
]);

export function acknowledgedAtOnce(body: Record<string, unknown>): boolean {
  if (typeof body.command === "string") return true;
  return typeof body.type === "string" && ACKED_AT_ONCE_TYPES.has(body.type);
}

/**
 * A loggable description of a failed Slack call. Web API and HTTP errors carry the original
 * request (with its Authorization header) and response_url errors carry a capability URL, so we
 * never hand the raw error to the logger: only what helps an operator decide what went wrong.
 */
export interface SlackErrorSummary {
  name: string;
  message: string;
  /** @slack/web-api and Bolt error codes, e.g. "slack_webapi_platform_error". */
  code?: string;
  /** Slack's own error for `{ok:false}` answers, e.g. "channel_not_found". */
  slackError?: string;
  /** HTTP status for HTTP and response_url failures. */
  status?: number;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function summarizeSlackError(error: unknown): SlackErrorSummary {
  if (!(error instanceof Error)) return { name: "NonError", message: String(error).slice(0, 500) };
  const summary: SlackErrorSummary = { name: error.name, message: error.message.slice(0, 500) };
  const code = field(error, "code");
  if (typeof code === "string") summary.code = code;
  const slackError = field(field(error, "data"), "error");
  if (typeof slackError === "string") summary.slackError = slackError;
  const status = field(error, "statusCode") ?? field(error, "status");
  if (typeof status === "number") summary.status = status;
  return summary;
}

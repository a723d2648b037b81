/**
 * The closed list of things that can go wrong in a use case. Adapters map each code to one
 * friendly, translated reply in one place (see src/core/bot/error-reply.ts), so a new code
 * forces every platform to decide how to say it.
 */
export const domainErrorCodes = [
  "invalid_input",
  "not_found",
  "forbidden",
  "conflict",
  "rate_limited",
  "unavailable",
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** i18n key of the user-facing explanation, with its interpolation values. */
  readonly messageKey: string;
  readonly params: Record<string, string | number>;

  constructor(
    code: DomainErrorCode,
    messageKey: string,
    params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${messageKey}`, options);
    this.name = "DomainError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

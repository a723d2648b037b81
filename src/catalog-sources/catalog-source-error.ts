/**
 * Why a whole catalog could not be read. The codes are a closed list so callers (the import
 * command, the bot's replies) can pick wording or a retry policy without parsing messages;
 * `message` is already a friendly English sentence naming the location.
 */
export const catalogSourceErrorCodes = [
  "not_found",
  "http_error",
  "timeout",
  "unreadable",
  "not_json",
  "not_a_catalog",
] as const;
export type CatalogSourceErrorCode = (typeof catalogSourceErrorCodes)[number];

export class CatalogSourceError extends Error {
  override readonly name = "CatalogSourceError";

  constructor(
    readonly code: CatalogSourceErrorCode,
    readonly location: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCatalogSourceError(error: unknown): error is CatalogSourceError {
  return error instanceof CatalogSourceError;
}

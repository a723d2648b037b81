import { DomainError, type DomainErrorCode, isDomainError } from "../shared/domain-error.js";

/**
 * The CatalogSourceReader port rejects with a CatalogSourceError (src/catalog-sources) when a
 * whole source cannot be read. The core may not import that class, so it recognises the error
 * by its shape: the name and a code from the reader's closed list (a test in
 * catalog-source-failure.test.ts keeps this list equal to the reader's). The store wraps read
 * failures, so the reader's error may sit anywhere in the `cause` chain.
 */
export const catalogSourceFailureCodes = [
  "not_found",
  "http_error",
  "timeout",
  "unreadable",
  "not_json",
  "not_a_catalog",
] as const;
export type CatalogSourceFailureCode = (typeof catalogSourceFailureCodes)[number];

export interface CatalogSourceFailure {
  code: CatalogSourceFailureCode;
  /** Already a friendly sentence naming the location. */
  message: string;
}

const codes: ReadonlySet<string> = new Set(catalogSourceFailureCodes);

export function catalogSourceFailureOf(error: unknown): CatalogSourceFailure | null {
  let current: unknown = error;
  // A cause chain is short; the bound only guards against a cycle.
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    const code: unknown = (current as Error & { code?: unknown }).code;
    if (current.name === "CatalogSourceError" && typeof code === "string" && codes.has(code)) {
      return { code: code as CatalogSourceFailureCode, message: current.message };
    }
    current = current.cause;
  }
  return null;
}

const domainCodes: Record<CatalogSourceFailureCode, DomainErrorCode> = {
  not_found: "not_found",
  http_error: "unavailable",
  timeout: "unavailable",
  unreadable: "invalid_input",
  not_json: "invalid_input",
  not_a_catalog: "invalid_input",
};

/**
 * Runs a step that reads a catalog and turns a source failure into one DomainError whose message
 * says what went wrong and that nothing changed. Anything else (a database outage) is rethrown.
 */
export async function withSourceFailuresExplained<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    // A DomainError raised while the store was reading (see requireDatasets) is already the answer.
    const explained = domainErrorIn(error);
    if (explained) throw explained;
    const failure = catalogSourceFailureOf(error);
    if (!failure) throw error;
    throw new DomainError(
      domainCodes[failure.code],
      "catalogAdmin:sourceFailed",
      { detail: failure.message },
      { cause: error },
    );
  }
}

function domainErrorIn(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    if (isDomainError(current)) return current;
    current = current.cause;
  }
  return null;
}

import type { z } from "zod";
import { DomainError } from "../shared/domain-error.js";

/**
 * Validates a catalog use case's input with its zod schema. A bad input is the caller's mistake
 * (a CLI flag, a chat argument), so it becomes `invalid_input` naming every problem, never a
 * stack trace.
 */
export function parseCatalogInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  throw new DomainError("invalid_input", "errors:invalid_input", { detail });
}

import type { Translate } from "../i18n/translator.js";
import type { Logger } from "../ports/logger.js";
import { ephemeral, type Reply } from "../shared/card.js";
import { isDomainError } from "../shared/domain-error.js";

/**
 * The one place a failure becomes words. Domain errors carry their own message key; anything
 * else is a bug or an outage: logged with its stack, answered with a calm "try again later"
 * (never a stack trace in chat).
 */
export function errorReply(error: unknown, t: Translate, logger: Logger): Reply {
  if (isDomainError(error)) {
    const text = t(
      error.messageKey.includes(":") ? error.messageKey : `errors:${error.messageKey}`,
      error.params,
    );
    return ephemeral({ fallbackText: text, accent: "warning", blocks: [{ type: "section", text: [text] }] });
  }
  logger.error({ err: error }, "unexpected error while handling a request");
  const text = t("errors:unavailable");
  return ephemeral({ fallbackText: text, accent: "danger", blocks: [{ type: "section", text: [text] }] });
}

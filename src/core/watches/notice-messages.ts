import { rememberingTranslator, type Translate, translator } from "../i18n/translator.js";
import type { OutboundMessage } from "../ports/outbox.js";
import type { TransactionStores } from "../ports/unit-of-work.js";
import type { RunNoticeBatch } from "../ports/watch-store.js";
import { contactLocale, dmAccount } from "../problems/problem-messages.js";
import { watchNoticesCard } from "./watch-notices.js";

/**
 * One DM per batch (a person's notices of one sync, or of one look at overdue data), in the
 * person's language, to the account they used last; people without a chat account are skipped.
 * Read through the transaction's directory: the messages are enqueued in the same unit of work.
 */
export async function noticeMessages(
  tx: Pick<TransactionStores, "directory">,
  batches: readonly RunNoticeBatch[],
  options: {
    communityLocale: (communityId: string) => Promise<string>;
    dedupeKey: (batch: RunNoticeBatch) => string;
  },
): Promise<OutboundMessage[]> {
  if (batches.length === 0) return [];
  const contacts = new Map(
    (await tx.directory.contacts([...new Set(batches.map((batch) => batch.personId))])).map((contact) => [
      contact.personId,
      contact,
    ]),
  );
  // Thousands of DMs after a large sync repeat the same lines: one remembering translator each.
  const translators = new Map<string, Translate>();
  const communityLocales = new Map<string, string>();
  const messages: OutboundMessage[] = [];
  for (const batch of batches) {
    const contact = contacts.get(batch.personId);
    const account = contact ? dmAccount(contact) : null;
    if (!contact || !account) continue;
    let fallback = communityLocales.get(batch.communityId);
    if (fallback === undefined) {
      fallback = await options.communityLocale(batch.communityId);
      communityLocales.set(batch.communityId, fallback);
    }
    const locale = contactLocale(contact, fallback);
    const t = translators.get(locale) ?? rememberingTranslator(translator(locale));
    translators.set(locale, t);
    messages.push({
      dedupeKey: options.dedupeKey(batch),
      communityId: batch.communityId,
      platform: account.platform,
      target: { kind: "user", userId: account.userId },
      card: watchNoticesCard(t, batch, account.platform),
    });
  }
  return messages;
}

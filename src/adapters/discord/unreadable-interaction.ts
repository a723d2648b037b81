import { InteractionResponseType, MessageFlags, type REST, Routes } from "discord.js";
import { z } from "zod";
import { normalizeLocale } from "../../core/i18n/locales.js";
import { translator } from "../../core/i18n/translator.js";
import { TtlStore } from "../ttl-store.js";

/**
 * An interaction discord.js could not turn into an object (its packet threw, see
 * gateway-packet-guard.ts) never reaches our handlers, so without this the person would only see
 * Discord's "This interaction failed". What we need to answer it is in the raw packet: its id,
 * its token and the person's language. Autocomplete and ping cannot take a message, so they are
 * left alone.
 */
const answerableSchema = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  token: z.string().min(1).max(500),
  // 2 command, 3 component, 5 modal submit: the kinds that take a message.
  type: z.union([z.literal(2), z.literal(3), z.literal(5)]),
  locale: z.string().max(35).optional(),
});

export interface UnreadableInteractions {
  /** Answers privately that we could not read it; false when the packet gives us no way to. */
  answer(data: unknown): Promise<boolean>;
}

export function createUnreadableInteractions(rest: REST): UnreadableInteractions {
  // A gateway RESUME may replay the same broken packet: one answer is all Discord takes.
  const answered = new TtlStore<true>({ ttlMs: 15 * 60_000, maxEntries: 5_000 });
  return {
    async answer(data) {
      const parsed = answerableSchema.safeParse(data);
      if (!parsed.success || answered.get(parsed.data.id)) return false;
      const { id, token, locale } = parsed.data;
      answered.set(id, true);
      const t = translator(normalizeLocale(locale) ?? "en");
      await rest.post(Routes.interactionCallback(id, token), {
        body: {
          type: InteractionResponseType.ChannelMessageWithSource,
          data: {
            content: t("discord:invalidRequest"),
            flags: MessageFlags.Ephemeral,
            allowed_mentions: { parse: [] },
          },
        },
        auth: false,
      });
      return true;
    },
  };
}

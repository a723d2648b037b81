import { z } from "zod";

/**
 * A card button travels to Discord and back as one `custom_id` (≤ 100 characters):
 * "<actionId>:<value>". Action ids never contain ":", so the first one separates the two and a
 * value may contain more. Cards cap actionId at 40 and value at 58 characters so this always fits.
 */
export const CUSTOM_ID_MAX_LENGTH = 100;

export function encodeButtonCustomId(actionId: string, value: string): string {
  return `${actionId}:${value}`;
}

/** What a custom_id we might have written looks like; anything else is not ours (or too old). */
const customIdSchema = z
  .string()
  .max(CUSTOM_ID_MAX_LENGTH)
  .regex(/^[a-z][a-z0-9_.-]{0,39}:[\s\S]{0,58}$/)
  .transform((customId) => {
    const separator = customId.indexOf(":");
    return { actionId: customId.slice(0, separator), value: customId.slice(separator + 1) };
  });

/** The button action a custom_id names, or null when it is not in our format. */
export function decodeButtonCustomId(customId: unknown): { actionId: string; value: string } | null {
  const parsed = customIdSchema.safeParse(customId);
  return parsed.success ? parsed.data : null;
}

export const supportedLocales = ["en", "es"] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/**
 * Maps what platforms report ("es-ES", "es-419", "en_US", "en-GB") to a language we speak,
 * or null when we do not speak it, so the caller can fall back to the next preference.
 */
export function normalizeLocale(value: string | null | undefined): SupportedLocale | null {
  if (!value) return null;
  const language = value.trim().toLowerCase().split(/[-_]/)[0];
  return (supportedLocales as readonly string[]).includes(language ?? "")
    ? (language as SupportedLocale)
    : null;
}

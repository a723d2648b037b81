import type { PrismaClient } from "../generated/prisma/client.js";

export const DEFAULT_COMMUNITY_SLUG = "default";

export interface DefaultCommunitySettings {
  name: string;
  /** Only applied when set: an operator's explicit override of what setup stored. */
  timezone?: string | undefined;
  locale?: string | undefined;
}

/**
 * Makes sure the community that unknown workspaces join exists. Explicit settings from config
 * (DATADESK_LOCALE, DATADESK_TIMEZONE) win over stored ones, so an operator can switch language
 * with one variable; unset ones leave what the community chose alone.
 */
export async function ensureDefaultCommunity(
  prisma: PrismaClient,
  settings: DefaultCommunitySettings,
): Promise<void> {
  const overrides = {
    ...(settings.timezone ? { timezone: settings.timezone } : {}),
    ...(settings.locale ? { locale: settings.locale } : {}),
  };
  await prisma.community.upsert({
    where: { slug: DEFAULT_COMMUNITY_SLUG },
    create: { slug: DEFAULT_COMMUNITY_SLUG, name: settings.name, ...overrides },
    update: overrides,
  });
}

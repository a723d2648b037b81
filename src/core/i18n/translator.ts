import { createInstance, type i18n as I18nInstance } from "i18next";
import { type SupportedLocale, supportedLocales } from "./locales.js";
import { resources } from "./resources.js";

/** Translates a namespaced key ("help:title") with interpolation values. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

let shared: I18nInstance | null = null;

function instance(): I18nInstance {
  if (shared) return shared;
  const i18n = createInstance();
  // Resources are bundled in code, so init is synchronous and no backend is needed.
  void i18n.init({
    resources,
    lng: "en",
    fallbackLng: "en",
    supportedLngs: [...supportedLocales],
    ns: Object.keys(resources.en),
    defaultNS: "common",
    initAsync: false,
    // Chat renderers escape user text themselves; i18next's HTML escaping would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  shared = i18n;
  return i18n;
}

export function translator(locale: SupportedLocale | string): Translate {
  const fixed = instance().getFixedT(locale);
  return (key, values) => fixed(key, values ?? {}) as string;
}

/**
 * A translator that remembers what it has said, for building thousands of messages at once (one
 * DM per watcher after a large sync): i18next takes tens of microseconds a call, and the same few
 * lines ("new, on the topic …") repeat in every message. Keep it for one batch: it never forgets.
 */
export function rememberingTranslator(t: Translate): Translate {
  const said = new Map<string, string>();
  return (key, values) => {
    const cacheKey = values === undefined ? key : `${key}\u0000${JSON.stringify(values)}`;
    let text = said.get(cacheKey);
    if (text === undefined) {
      text = t(key, values);
      said.set(cacheKey, text);
    }
    return text;
  };
}

/** Every translation of one key, for platforms that take localised command descriptions. */
export function translationsOf(key: string): Record<SupportedLocale, string> {
  const out = {} as Record<SupportedLocale, string>;
  for (const locale of supportedLocales) out[locale] = translator(locale)(key);
  return out;
}

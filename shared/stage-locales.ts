/*
 * Stage texts in several languages (label, description, questions, keywords, touchpoints): the
 * choice of which language to show, shared by the server (content API, coverage, CSV) and the
 * admin (interface language, the entry's locale). Pure and free of dependencies: the admin bundle
 * imports it.
 */

/** A stage text as configured: one value used for every language, or one value per locale code. */
export type Localized<T> = T | Readonly<Record<string, T>>;

/** The stage fields that may be written per locale. */
export const LOCALIZED_STAGE_FIELDS = [
  'label',
  'description',
  'questions',
  'keywords',
  'touchpoints',
] as const;

/** The last language tried: the presets and every label derived from a key are English. */
export const FALLBACK_LOCALE = 'en';

/**
 * Strapi's admin names Norwegian `no`; content locales (ISO) and the presets use `nb` (Bokmål, the
 * written standard), so an admin in Norwegian gets the `nb` texts.
 */
const LOCALE_ALIASES: Readonly<Record<string, string>> = { no: 'nb' };

/** A map by locale code, as opposed to a plain value (a string, or a list for list fields). */
export const isLocaleMap = <T>(value: Localized<T>): value is Readonly<Record<string, T>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `da-DK` -> `da-DK`, `da`; `no` -> `no`, `nb`: the codes a text for `code` may be filed under. */
const candidates = (code: string | null | undefined): string[] => {
  if (!code) return [];
  const language = code.split('-')[0];
  return [code, LOCALE_ALIASES[code], language, LOCALE_ALIASES[language]].filter(
    (candidate): candidate is string => Boolean(candidate)
  );
};

/**
 * The locale codes to try, in order, for a text asked for in `requested`: that locale (and its
 * language), then the default locale (and its language), then English.
 */
export const localeFallbacks = (
  requested: string | null | undefined,
  defaultLocale: string | null | undefined
): string[] => [
  ...new Set([...candidates(requested), ...candidates(defaultLocale), FALLBACK_LOCALE]),
];

/**
 * The value for the first of `fallbacks` the map has. Startup validation makes every map have the
 * default locale or English; should the default locale change at run time to one a map lacks, its
 * first entry is shown rather than nothing.
 */
export const pickLocale = <T>(value: Localized<T>, fallbacks: readonly string[]): T => {
  if (!isLocaleMap(value)) return value;
  for (const code of fallbacks) {
    if (Object.prototype.hasOwnProperty.call(value, code)) return value[code];
  }
  return Object.values(value)[0];
};

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../domain/i18n/locales';
import { createFormat, type Format } from './format';
import { en } from './locales/en';
import { it } from './locales/it';

/**
 * The app's one i18next instance, initialised synchronously with both catalogs bundled (they are
 * small), so the first render already speaks the right language and no component waits on a load.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, it: { translation: it } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);

/** The last language this browser showed: the sign-in page speaks it before anyone signs in. */
const DEVICE_KEY = 'brigade.locale';
export const deviceLocale = (): Locale => {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(DEVICE_KEY);
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
};
export const rememberDeviceLocale = (locale: Locale) => localStorage.setItem(DEVICE_KEY, locale);

/** Where the app is: the restaurant's time zone and currency, set by LocaleProvider with the language. */
let place: { timeZone: string | null; currency: string } = { timeZone: null, currency: 'EUR' };
let cached: { key: string; format: Format } | null = null;
export const setActivePlace = (next: typeof place) => {
  place = next;
};

/** The formatting module in the active language and place, for helpers outside components (useI18n().format inside them). */
export function activeFormat(): Format {
  const locale = currentLocale();
  const key = `${locale}|${place.timeZone}|${place.currency}`;
  if (cached?.key !== key) cached = { key, format: createFormat({ locale, ...place }) };
  return cached.format;
}

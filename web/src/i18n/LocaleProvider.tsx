import { createContext, useContext, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../domain/i18n/locales';
import { createFormat, type Format } from './format';
import { i18n, rememberDeviceLocale, setActivePlace } from './i18n';

type Place = { timeZone: string | null; currency: string };
const PlaceContext = createContext<Place>({ timeZone: null, currency: 'EUR' });

/**
 * Switches the app to `locale` and gives its screens the restaurant's time zone and currency for
 * useFormat(). The signed-in shell passes the user's language (else the tenant's); the public
 * pages the tenant's default.
 */
export function LocaleProvider({ locale, timeZone, currency, children }: { locale: Locale; timeZone: string | null; currency: string; children: ReactNode }) {
  // Before paint: a switch never shows a frame in the old language.
  useLayoutEffect(() => {
    setActivePlace({ timeZone, currency });
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    rememberDeviceLocale(locale);
  }, [locale, timeZone, currency]);
  const place = useMemo(() => ({ timeZone, currency }), [timeZone, currency]);
  return (
    <I18nextProvider i18n={i18n}>
      <PlaceContext.Provider value={place}>{children}</PlaceContext.Provider>
    </I18nextProvider>
  );
}

/** The app's t() and the formatting module bound to the active language, zone and currency. */
export function useI18n(): { t: ReturnType<typeof useTranslation>['t']; format: Format; locale: Locale } {
  const { t, i18n: instance } = useTranslation(undefined, { i18n });
  const place = useContext(PlaceContext);
  const locale = isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
  const format = useMemo(() => createFormat({ locale, ...place }), [locale, place]);
  return { t, format, locale };
}

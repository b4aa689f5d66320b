/** The languages the web app speaks; the tenant picks its default, a user may override it. */
export const LOCALES = ['en', 'it'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The user's own choice when they made one, else the tenant's default. */
export const effectiveLocale = (userLocale: string | null | undefined, tenantLocale: string | null | undefined): Locale =>
  isLocale(userLocale) ? userLocale : isLocale(tenantLocale) ? tenantLocale : DEFAULT_LOCALE;

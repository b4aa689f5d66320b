import type { Locale } from '../../../domain/i18n/locales';

/** The Intl locale each app language formats with: 24-hour clocks and day-first dates for both. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', it: 'it-IT' };

export interface FormatOptions {
  locale: Locale;
  /** The restaurant's IANA time zone; null: the browser's own. */
  timeZone: string | null;
  /** ISO 4217; the tenant's, EUR when it has none. */
  currency: string;
}

type When = string | number | Date;
const toDate = (value: When) => (value instanceof Date ? value : new Date(value));

/**
 * Every date, time, money amount and number the app shows, in the user's language and the
 * restaurant's time zone. The one place Intl is called, so a screen cannot format on its own.
 */
export function createFormat({ locale, timeZone, currency }: FormatOptions) {
  const tag = INTL_LOCALE[locale];
  const zone = timeZone ?? undefined;
  const timeFmt = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short', timeZone: zone });
  const longDateTimeFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const dayFmt = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone });
  const weekdayTimeFmt = new Intl.DateTimeFormat(tag, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone });
  const moneyFmt = new Intl.NumberFormat(tag, { style: 'currency', currency });
  const relativeFmt = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' });
  const numberFmts = new Map<number, Intl.NumberFormat>();
  const numberFmt = (maxDigits: number) => {
    let fmt = numberFmts.get(maxDigits);
    if (!fmt) numberFmts.set(maxDigits, (fmt = new Intl.NumberFormat(tag, { maximumFractionDigits: maxDigits })));
    return fmt;
  };

  return {
    locale,
    timeZone,
    currency,
    /** "12:40" */
    time: (value: When) => timeFmt.format(toDate(value)),
    /** "12:40–12:46" (en) / "12:40–12:46" (it): a range of clock times. */
    timeRange: (from: When, to: When) => timeFmt.formatRange(toDate(from), toDate(to)),
    /** "08/12/2026, 12:40" */
    dateTime: (value: When) => dateTimeFmt.format(toDate(value)),
    /** "8 Dec 2026, 12:40" / "8 dic 2026, 12:40" */
    longDateTime: (value: When) => longDateTimeFmt.format(toDate(value)),
    /** "Tue 8 Dec" / "mar 8 dic" */
    day: (value: When) => dayFmt.format(toDate(value)),
    /** "Tue 12:40" */
    weekdayTime: (value: When) => weekdayTimeFmt.format(toDate(value)),
    /** "€8.50" / "8,50 €" in the restaurant's currency. */
    money: (value: string | number) => moneyFmt.format(Number(value)),
    /** "1,234.5" / "1.234,5" */
    number: (value: string | number, maxFractionDigits = 2) => numberFmt(maxFractionDigits).format(Number(value)),
    /** "4 min ago", "in 3 min", "now" / "4 min fa", "tra 3 min", "ora", from `now`. */
    relative: (value: When, now: number = Date.now()) => {
      const minutes = Math.round((toDate(value).getTime() - now) / 60_000);
      if (Math.abs(minutes) < 60) return relativeFmt.format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      return Math.abs(hours) < 48 ? relativeFmt.format(hours, 'hour') : relativeFmt.format(Math.round(hours / 24), 'day');
    },
  };
}

export type Format = ReturnType<typeof createFormat>;

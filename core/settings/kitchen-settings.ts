import { z } from 'zod';
import { AppError } from '../../contracts/errors';
import { DEFAULT_TRAVEL_MINUTES, TRAVEL_MINUTES_RANGE } from '../../domain/delivery/travel-time';
import { DEFAULT_LOCALE, LOCALES } from '../../domain/i18n/locales';
import { parseInput } from '../validate';

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;
const wholeMinutes = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number of minutes')
    .min(min, `must be at least ${minutes(min)}`)
    .max(max, `must be at most ${minutes(max)}`);

/**
 * A tenant's kitchen settings, kept in `tenants.settings` beside its other keys (timeZone…).
 * Each key is one line: its rule and its default. Adding a setting is adding a line here and its
 * field in api/graphql/schema/kitchen-settings.ts.
 */
export const kitchenSettingsSchema = z.object({
  /** How long a READY order may wait at the pass before the expo and the console show it as waiting too long. */
  readyHoldMinutes: wholeMinutes(1, 120).default(5),
  /** Pass to door, until delivered trips teach it (core/delivery/travel-time.ts). */
  deliveryTravelMinutes: wholeMinutes(TRAVEL_MINUTES_RANGE.min, TRAVEL_MINUTES_RANGE.max).default(DEFAULT_TRAVEL_MINUTES),
  /**
   * Which quantile of the learned ready-time spread is promised to customers and platforms: 0.8
   * means 4 orders in 5 are ready by the promise. Without a learned spread the point estimate is promised.
   */
  promiseQuantile: z.number().min(0.5, 'must be at least 0.5').max(0.95, 'must be at most 0.95').default(0.8),
  /** The language of the web app for users who chose none, and of the public pages (board, tracking). */
  locale: z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` }).default(DEFAULT_LOCALE),
});
export type KitchenSettings = z.output<typeof kitchenSettingsSchema>;
export type KitchenSettingKey = keyof KitchenSettings;

const KEYS = Object.keys(kitchenSettingsSchema.shape) as KitchenSettingKey[];

/**
 * The settings as stored, each key read on its own: a key that is missing or no longer valid (set
 * by hand, or by an older rule) falls back to its default instead of failing the whole read.
 */
export function readKitchenSettings(stored: unknown): KitchenSettings {
  const raw = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const entries = KEYS.map((key) => {
    const rule = kitchenSettingsSchema.shape[key];
    const parsed = rule.safeParse(raw[key]);
    return [key, parsed.success ? parsed.data : rule.parse(undefined)];
  });
  return Object.fromEntries(entries) as KitchenSettings;
}

const changesSchema = kitchenSettingsSchema.partial().strict();

/**
 * The keys an update changes, each checked by its rule; a missing or null field is left as it is.
 * zod 4 fills defaults into a partial object too, so only the keys given are kept after parsing.
 */
export function parseKitchenSettingsChanges(input: Record<string, unknown>): Partial<KitchenSettings> {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
  if (Object.keys(given).length === 0) throw new AppError('BAD_USER_INPUT', 'nothing to change: give at least one setting');
  const parsed = parseInput(changesSchema, given);
  return Object.fromEntries(KEYS.filter((key) => key in given).map((key) => [key, parsed[key]])) as Partial<KitchenSettings>;
}

import { z } from 'zod';
import { safeText, secretText, TEXT_LIMITS } from '../../domain/input/text';
import { CONNECTOR_KINDS } from '../../platforms/connectors';
import { HHMM } from '../../platforms/schedule';

export const PLATFORM_TYPES = ['DELIVERY', 'ONLINE', 'KIOSK', 'POS'] as const;
/** A platform's rule for orders the kitchen cannot take as sent (Platform.config.invalidOrders; review when unset). */
export const INVALID_ORDER_RULES = ['review', 'deny'] as const;
/** Who takes a platform's orders to the customer (Platform.config.deliveredBy; the platform's courier when unset). */
export const DELIVERED_BY = ['platform', 'restaurant'] as const;

const httpUrl = safeText(2000)
  .url('must be an http(s) URL')
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

export const createPlatformSchema = z
  .object({
    name: safeText(TEXT_LIMITS.name).min(1),
    type: z.enum(PLATFORM_TYPES),
    connector: z
      .enum(CONNECTOR_KINDS)
      .nullish()
      .transform((v) => v ?? 'generic-rest'),
    baseUrl: httpUrl,
    timeoutMs: z.number().int().min(100).max(60_000).nullish(),
    apiKey: secretText(1000).min(1).nullish(),
    /** OAuth2 client credentials (expiring tokens, refreshed by the connector) instead of a static key. */
    clientId: safeText(500).min(1).nullish(),
    clientSecret: secretText(1000).min(1).nullish(),
    tokenUrl: httpUrl.nullish(),
    /** The new one first during a rotation; at most two are valid at once. */
    webhookSecrets: z.array(secretText(500).min(8, 'must be at least 8 characters')).min(1).max(2),
    invalidOrders: z.enum(INVALID_ORDER_RULES).nullish(),
    deliveredBy: z.enum(DELIVERED_BY).nullish(),
  })
  .refine((p) => !p.clientId === !p.clientSecret, { path: ['clientSecret'], message: 'clientId and clientSecret go together' });

export const assignmentSchema = z.object({
  platformId: z.string().uuid(),
  menuItemIds: z.array(z.string().uuid()).min(1).max(500),
});

export const storeStatusSchema = z.object({
  platformId: z.string().uuid(),
  status: z.enum(['online', 'paused', 'busy']),
  extraMinutes: z.number().int().min(1).max(120).nullish(),
});

/** A re-sync of some dishes (ids only reach the sync workflow, so they are checked here). */
export const resyncSchema = z.object({ menuItemIds: assignmentSchema.shape.menuItemIds.nullish() });

const hhmm = z.string().max(5).regex(HHMM, 'must be a time of day as HH:MM');

/** One dish's platform-specific data. Omitted fields stay; null name/price fall back to the menu's. */
export const updateAssignmentSchema = z
  .object({
    platformName: safeText(TEXT_LIMITS.name).min(1).nullish(),
    platformPrice: z
      .string()
      .trim()
      .regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be an amount like 12.50')
      .nullish(),
    isAvailable: z.boolean().nullish(),
    availableFrom: hhmm.nullish(),
    availableTo: hhmm.nullish(),
    availableDays: z
      .array(z.number().int().min(1, 'weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'weekdays are 1 (Monday) to 7 (Sunday)'))
      .min(1, 'needs at least one weekday')
      .nullish(),
  })
  .refine((a) => (a.availableFrom === undefined) === (a.availableTo === undefined) && (a.availableFrom === null) === (a.availableTo === null), {
    path: ['availableTo'],
    message: 'availableFrom and availableTo go together',
  })
  .refine((a) => !a.availableFrom || a.availableFrom !== a.availableTo, { path: ['availableTo'], message: 'must differ from availableFrom' });

import { z } from 'zod';
import { email, safeText, TEXT_LIMITS } from '../../domain/input/text';

/** What people type at sign-in: lowercase letters, digits and inner dashes, 2–40 characters. */
export const SLUG_RE = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** The IANA name, as Intl spells it (`europe/rome` → `Europe/Rome`); null when Intl knows no such zone. */
export function canonicalTimeZone(value: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const createTenantSchema = z.object({
  name: safeText(TEXT_LIMITS.name).min(1, 'must not be empty'),
  slug: safeText(TEXT_LIMITS.label)
    .toLowerCase()
    .regex(SLUG_RE, 'must be 2 to 40 lowercase letters, digits or dashes, starting with a letter (e.g. trattoria-mario)'),
  ownerEmail: email(),
  ownerName: safeText(TEXT_LIMITS.name)
    .min(1, 'must not be empty')
    .nullish()
    .transform((v) => v ?? 'Owner'),
  timeZone: safeText(TEXT_LIMITS.label)
    .min(1, 'must not be empty')
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (zone) return zone;
      ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/Rome' });
      return z.NEVER;
    }),
});
export type CreateTenantInput = z.output<typeof createTenantSchema>;

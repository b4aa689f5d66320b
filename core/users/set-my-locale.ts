import { z } from 'zod';
import { LOCALES } from '../../domain/i18n/locales';
import type { ServiceOptions } from '../types';
import { notFound, parseInput } from '../validate';

const setMyLocaleSchema = z.object({
  locale: z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}, or null to follow the restaurant's default` }).nullable(),
});

/** The caller's own language; null goes back to the tenant's default. A preference, not audited. */
export async function setMyLocale({ db, actor, input }: ServiceOptions<{ locale: unknown }>) {
  const { locale } = parseInput(setMyLocaleSchema, { locale: input.locale ?? null });
  const { count } = await db.user.updateMany({ where: { id: actor.userId }, data: { locale } });
  if (count === 0) throw notFound('User');
  return (await db.user.findUnique({ where: { id: actor.userId } }))!;
}

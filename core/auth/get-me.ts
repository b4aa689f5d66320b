import { ROLE_PERMISSIONS } from '../../domain/auth/permissions';
import { AppError } from '../../contracts/errors';
import { effectiveLocale } from '../../domain/i18n/locales';
import { readKitchenSettings } from '../settings/kitchen-settings';
import type { ServiceOptions } from '../types';

/** The caller's own user and tenant, their permissions so UIs can hide what they cannot do, and the language they see. */
export async function getMe({ db, actor }: ServiceOptions<void>) {
  const [user, tenant] = await Promise.all([db.user.findUnique({ where: { id: actor.userId } }), db.tenant.findUnique({ where: { id: actor.tenantId } })]);
  // A token outliving its user (deleted in a reset database) must not look like a server error.
  if (!user || !tenant) throw new AppError('UNAUTHENTICATED', 'Invalid token');
  return { user, tenant, permissions: [...ROLE_PERMISSIONS[user.role]], locale: effectiveLocale(user.locale, readKitchenSettings(tenant.settings).locale) };
}

import type { ServiceOptions } from '../types';

export function listUsers({ db }: ServiceOptions<void>) {
  return db.user.findMany({ orderBy: [{ isActive: 'desc' }, { name: 'asc' }] });
}

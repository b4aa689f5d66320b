import type { ServiceOptions } from '../types';

export function listBoardScreens({ db, input }: ServiceOptions<{ includeRevoked?: boolean | null }>) {
  return db.boardScreen.findMany({
    where: input.includeRevoked ? {} : { revokedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 200,
  });
}

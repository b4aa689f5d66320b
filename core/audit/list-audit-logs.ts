import { z } from 'zod';
import { safeText, TEXT_LIMITS } from '../../domain/input/text';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';

const listAuditSchema = z.object({
  action: safeText(TEXT_LIMITS.label).nullish(),
  entityType: safeText(TEXT_LIMITS.label).nullish(),
  entityId: z.uuid().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});

/** Newest first; filters are exact matches (actions are a closed vocabulary like "station.create"). */
export function listAuditLogs({ db, input }: ServiceOptions<unknown>) {
  const { action, entityType, entityId, limit, offset } = parseInput(listAuditSchema, input);
  return db.auditLog.findMany({
    where: { ...(action ? { action } : {}), ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    skip: offset,
    include: { user: { select: { id: true, name: true, email: true, role: true } } },
  });
}

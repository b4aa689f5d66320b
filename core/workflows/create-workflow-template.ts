import { z } from 'zod';
import { safeText, TEXT_LIMITS } from '../../domain/input/text';
import type { Prisma } from '../../prisma/generated/client';
import { AppError } from '../../contracts/errors';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { compileOrThrow } from './compile-for-tenant';

const createSchema = z.object({
  name: safeText(TEXT_LIMITS.name).min(1, 'must not be empty'),
  category: safeText(TEXT_LIMITS.label).min(1).nullish(),
  definition: z.unknown(),
});

/** Creates the draft only; nothing can be cooked from it until publishWorkflowTemplate makes version 1. */
export async function createWorkflowTemplate({ db, actor, input }: ServiceOptions<unknown>) {
  const { name, category, definition } = parseInput(createSchema, input);
  const compiled = await compileOrThrow(db, definition);
  try {
    return await db.$transaction(async (tx) => {
      const template = await tx.workflowTemplate.create({
        data: {
          tenantId: actor.tenantId,
          name,
          category: category ?? null,
          definition: compiled.definition as unknown as Prisma.InputJsonValue,
          estimatedTotalMinutes: compiled.analysis.totalMinutes,
        },
      });
      await recordAudit({ db: tx, actor, action: 'workflow.create', entityType: 'WorkflowTemplate', entityId: template.id, details: { name } });
      return template;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A recipe named "${name}" already exists`, { field: 'name' });
    throw err;
  }
}

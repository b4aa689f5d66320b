import type { Prisma } from '../../prisma/generated/client';
import { AppError } from '../../contracts/errors';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { compileOrThrow } from './compile-for-tenant';

/**
 * Freezes the current draft as version n+1 and makes it current. Re-validated because stations
 * may have been deactivated since the draft was saved. Versions are insert-only rows.
 */
export async function publishWorkflowTemplate({ db, actor, input }: ServiceOptions<{ id: string }>) {
  const id = requireId(input.id, 'Workflow template');
  const template = await db.workflowTemplate.findUnique({ where: { id } });
  if (!template) throw notFound('Workflow template');
  const compiled = await compileOrThrow(db, template.definition);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.workflowTemplateVersion.aggregate({ where: { templateId: id }, _max: { version: true } });
      const version = (last._max.version ?? 0) + 1;
      await tx.workflowTemplateVersion.create({
        data: {
          tenantId: actor.tenantId,
          templateId: id,
          version,
          definition: compiled.definition as unknown as Prisma.InputJsonValue,
          estimatedTotalMinutes: compiled.analysis.totalMinutes,
          publishedById: actor.userId,
        },
      });
      const updated = await tx.workflowTemplate.update({ where: { id }, data: { currentVersion: version } });
      await recordAudit({ db: tx, actor, action: 'workflow.publish', entityType: 'WorkflowTemplate', entityId: id, details: { version } });
      return updated;
    });
  } catch (err) {
    // (templateId, version) is unique: two simultaneous publishes cannot both become version n+1.
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'This recipe was published by someone else at the same time; try again');
    throw err;
  }
}

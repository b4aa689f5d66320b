import type { Prisma } from '../../prisma/generated/client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { compileOrThrow } from './compile-for-tenant';

/**
 * Replaces the editable draft. Published versions are untouched, so orders in flight keep
 * cooking the version they pinned; the change reaches new orders only after publishing.
 */
export async function saveWorkflowDraft({ db, actor, input }: ServiceOptions<{ id: string; definition: unknown }>) {
  const id = requireId(input.id, 'Workflow template');
  const exists = await db.workflowTemplate.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw notFound('Workflow template');
  const compiled = await compileOrThrow(db, input.definition);
  return db.$transaction(async (tx) => {
    const template = await tx.workflowTemplate.update({
      where: { id },
      data: {
        definition: compiled.definition as unknown as Prisma.InputJsonValue,
        estimatedTotalMinutes: compiled.analysis.totalMinutes,
      },
    });
    await recordAudit({
      db: tx,
      actor,
      action: 'workflow.save_draft',
      entityType: 'WorkflowTemplate',
      entityId: id,
      details: { totalMinutes: compiled.analysis.totalMinutes, warnings: compiled.warnings.map((w) => w.message) },
    });
    return template;
  });
}

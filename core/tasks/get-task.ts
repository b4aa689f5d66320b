import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { readTaskCard } from './task-card-sql';
import type { CardScope, TaskNode } from './task-node';

export async function getTask({ db, actor, input, card = 'full' }: ServiceOptions<{ id: string }> & { card?: CardScope }): Promise<TaskNode> {
  const id = requireId(input.id, 'Task');
  // A read proves the task exists in this tenant, so even an id-only answer reads the row.
  const node = await readTaskCard(db, actor.tenantId, id, card === 'full' ? 'full' : 'own');
  if (!node) throw notFound('Task');
  return node;
}

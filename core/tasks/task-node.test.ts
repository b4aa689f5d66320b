import { idTaskNode, viewTaskNode } from './task-node';

describe('idTaskNode', () => {
  it('answers the id and fails loudly on anything it did not load', () => {
    const node = idTaskNode('7d1c2b9e-0000-4000-8000-000000000001');
    expect(node.task.id).toBe('7d1c2b9e-0000-4000-8000-000000000001');
    expect(() => node.task.status).toThrow("Task card read without its row (CardScope 'id'), then asked for row.status");
    expect(() => node.order.orderNumber).toThrow("without its order (CardScope 'id')");
    expect(() => node.siblings.length).toThrow('sibling tasks');
  });
});

describe('viewTaskNode', () => {
  it("answers what the workflow's view holds and fails loudly on anything else", () => {
    const node = viewTaskNode({
      id: 't1',
      defId: 'bake',
      phaseId: 'cook',
      name: 'Inforna',
      stationType: 'oven',
      status: 'IN_PROGRESS',
      stationId: 's1',
      dependsOn: [],
      estimatedMinutes: 6,
      startedAt: '2026-11-21T10:00:00.000Z',
      completedAt: null,
      subtasks: [{ id: 'st1', defId: 'turn', name: 'Gira', optional: false, completed: true }],
    });
    const { id, name, status, stationType, startedAt, completedAt, subtasks } = node.task;
    expect({ id, name, status, stationType, startedAt, completedAt }).toEqual({
      id: 't1',
      name: 'Inforna',
      status: 'IN_PROGRESS',
      stationType: 'oven',
      startedAt: new Date('2026-11-21T10:00:00.000Z'),
      completedAt: null,
    });
    const [s] = subtasks;
    expect([s.id, s.name, s.optional, s.isCompleted]).toEqual(['st1', 'Gira', false, true]);
    expect(() => node.task.subtasks[0].completedAt).toThrow("without its subtask (CardScope 'view')");
    expect(() => node.task.station).toThrow("Task card read without its row (CardScope 'view'), then asked for row.station");
    expect(() => node.order.orderNumber).toThrow("without its order (CardScope 'view')");
  });
});

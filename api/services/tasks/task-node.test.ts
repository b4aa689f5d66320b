import { idTaskNode } from './task-node';

describe('idTaskNode', () => {
  it('answers the id and fails loudly on anything it did not load', () => {
    const node = idTaskNode('7d1c2b9e-0000-4000-8000-000000000001');
    expect(node.task.id).toBe('7d1c2b9e-0000-4000-8000-000000000001');
    expect(() => node.task.status).toThrow("Task card read without its row (CardScope 'id'), then asked for row.status");
    expect(() => node.order.orderNumber).toThrow("without its order (CardScope 'id')");
    expect(() => node.siblings.length).toThrow('sibling tasks');
  });
});

import type { OrderResult } from './queries';
import { together } from './report';

const T0 = Date.parse('2026-12-08T12:00:00Z');
const at = (wallSeconds: number) => new Date(T0 + wallSeconds * 1000).toISOString();
const item = (status: string, ...doneAt: number[]): OrderResult['items'][number] => ({
  id: `i${doneAt.join('-')}`,
  status,
  isLate: false,
  quantity: 1,
  tasks: doneAt.map((s, n) => ({ id: `t${n}`, status: 'DONE', queuedAt: null, startedAt: null, completedAt: at(s), station: null })),
});
const order = (...items: OrderResult['items']): OrderResult => ({
  id: 'o',
  status: 'READY',
  createdAt: at(0),
  requestedAt: null,
  estimatedReadyAt: null,
  actualReadyAt: null,
  isLate: false,
  delayMinutes: 0,
  priority: 0,
  items,
});

describe('items finishing together', () => {
  it('measures each multi-item order from its first to its last item, in kitchen minutes, and skips the rest', () => {
    // At ×10, 6 wall seconds are one kitchen minute. An item is ready when its last task is done.
    const r = together(
      [
        order(item('DONE', 10, 30), item('DONE', 36)), // 1 kitchen minute apart
        order(item('DONE', 0), item('DONE', 18)), // 3 apart
        order(item('DONE', 60)), // one item: not a pacing question
        order(item('DONE', 0), item('IN_PROGRESS', 6)), // not all done
      ],
      10,
    );
    expect(r).toEqual({ orders: 2, within2: 0.5, medianSpread: 1, p90Spread: 3 });
  });

  it('has nothing to say without a finished multi-item order', () => {
    expect(together([], 10)).toEqual({ orders: 0, within2: null, medianSpread: null, p90Spread: null });
  });
});

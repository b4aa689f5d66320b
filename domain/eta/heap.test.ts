import fc from 'fast-check';
import { MinHeap } from './heap';

describe('MinHeap', () => {
  it('pops any mix of pushes and pops in sorted order', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer(), { nil: null })), (ops) => {
        const heap = new MinHeap<number>((a, b) => a < b);
        const model: number[] = [];
        for (const op of ops) {
          if (op === null) {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(op);
            model.push(op);
          }
          expect(heap.size).toBe(model.length);
        }
        model.sort((a, b) => a - b);
        expect(heap.peek()).toBe(model[0]);
      }),
    );
  });

  it('returns undefined from an empty heap', () => {
    const heap = new MinHeap<string>((a, b) => a < b);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peek()).toBeUndefined();
  });
});

import { createSeqTracker } from './seq-tracker';

describe('seq tracker', () => {
  it('drops a seq it has already accepted, and only that', () => {
    const seqs = createSeqTracker();
    expect([1, 2, 2, 3, 1].map((s) => seqs.accept(s))).toEqual([true, true, false, true, false]);
    expect(seqs.last()).toBe(3);
  });

  it('accepts an older seq it has not seen yet (a replayed event overtaken by a live one)', () => {
    const seqs = createSeqTracker();
    seqs.advance(10);
    expect(seqs.accept(12)).toBe(true);
    expect(seqs.accept(11)).toBe(true);
    expect(seqs.accept(11)).toBe(false);
    expect(seqs.last()).toBe(12);
  });

  it('drops what is older than its window, since it can no longer tell', () => {
    const seqs = createSeqTracker(100);
    expect(seqs.accept(500)).toBe(true);
    expect(seqs.accept(400)).toBe(false);
    expect(seqs.accept(401)).toBe(true);
  });

  it('keeps its memory bounded', () => {
    const seqs = createSeqTracker(100);
    for (let s = 1; s <= 10_000; s++) expect(seqs.accept(s)).toBe(true);
    expect(seqs.accept(9_999)).toBe(false);
    expect(seqs.accept(5_000)).toBe(false);
  });

  it('starts over after a reset: everything up to the reset seq is covered by the refetch', () => {
    const seqs = createSeqTracker();
    seqs.accept(40);
    seqs.reset(3); // the server's counter is behind ours (a restored database)
    expect(seqs.accept(3)).toBe(false);
    expect(seqs.accept(4)).toBe(true);
    expect(seqs.last()).toBe(4);
  });
});

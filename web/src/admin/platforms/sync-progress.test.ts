import fc from 'fast-check';
import { describeRun, percent, syncProgressReducer, type PlatformSyncEvent, type SyncAction, type SyncRun } from './sync-progress';

const PLATFORM = 'platform-1';
const RUN = 'platform-menu-sync-platform-1-run-a';
const reduce = syncProgressReducer(PLATFORM);
const ev = (over: Partial<PlatformSyncEvent> = {}): SyncAction => ({
  type: 'event',
  event: { platformId: PLATFORM, runId: RUN, phase: 'processing', total: 4, done: 0, failed: 0, status: 'PENDING', ...over },
});
const play = (actions: SyncAction[], from: SyncRun | null = null) => actions.reduce(reduce, from);

/** A full run as the workflow reports it (workflows/platform-menu-sync-workflow.ts). */
const fullRun: SyncAction[] = [
  ev({ phase: 'loading', total: 0 }),
  ev({ phase: 'uploading' }),
  ev({ phase: 'processing' }),
  ev({ phase: 'processing', done: 3, failed: 1 }),
  ev({ phase: 'done', done: 3, failed: 1, status: 'FAILED', message: '1 of 4 dishes failed' }),
];

describe('menu sync progress from platform:sync events', () => {
  it('follows the run started here from loading to a finished bar', () => {
    const started = play([{ type: 'started', runId: RUN }]);
    expect(started).toMatchObject({ phase: 'loading', ownRun: true });
    expect(percent(started!)).toBe(0);
    const half = play([ev({ phase: 'items', done: 1, failed: 1 })], started);
    expect(percent(half!)).toBe(50);
    expect(describeRun(half!)).toBe('Sending dishes · 1 of 4 synced, 1 failed');
    const end = play(fullRun, started);
    expect(end).toMatchObject({ phase: 'done', status: 'FAILED', done: 3, failed: 1 });
    expect(percent(end!)).toBe(100);
    expect(describeRun(end!)).toBe('1 of 4 dishes failed');
  });

  it('ignores events of another platform, and of another run while its own run is going', () => {
    const started = play([{ type: 'started', runId: RUN }]);
    expect(play([ev({ platformId: 'platform-2', done: 4, phase: 'done' })], started)).toBe(started);
    expect(play([ev({ runId: 'someone-elses-run', done: 4 })], started)).toBe(started);
  });

  it('never moves backwards on a late or repeated event, and changes nothing once the run is done', () => {
    const mid = play([{ type: 'started', runId: RUN }, ev({ phase: 'items', done: 3 })]);
    expect(play([ev({ phase: 'items', done: 1 })], mid)!.done).toBe(3);
    expect(play([ev({ phase: 'loading', total: 0 })], mid)!.phase).toBe('items');
    const end = play([ev({ phase: 'done', done: 4, status: 'SYNCED' })], mid);
    expect(play([ev({ phase: 'items', done: 2, status: 'PENDING' })], end)).toBe(end);
  });

  it('keeps events that arrived before the re-sync mutation answered with the run id', () => {
    const early = play([ev({ phase: 'uploading' })]);
    expect(early).toMatchObject({ runId: RUN, ownRun: false });
    expect(play([{ type: 'started', runId: RUN }], early)).toMatchObject({ phase: 'uploading', ownRun: true });
  });

  it('shows a run started elsewhere when nothing is running here, and a new run after a finished one', () => {
    const other = play([ev({ runId: 'other', phase: 'items', done: 1 })]);
    expect(other).toMatchObject({ runId: 'other', ownRun: false });
    const finished = play([ev({ runId: 'other', phase: 'done', done: 4, status: 'SYNCED' })], other);
    expect(play([ev({ runId: 'next', phase: 'loading', total: 0 })], finished)).toMatchObject({ runId: 'next', phase: 'loading' });
  });

  it('ends where the final event says and never shrinks the bar, whatever order or repetition the events arrive in', () => {
    const runEvents = fullRun;
    const final = play(runEvents, play([{ type: 'started', runId: RUN }]));
    fc.assert(
      fc.property(fc.array(fc.nat(runEvents.length - 1), { minLength: 1, maxLength: 15 }), (picks) => {
        const delivered = [...picks.map((i) => runEvents[i]), runEvents[runEvents.length - 1]];
        let run = play([{ type: 'started', runId: RUN }]);
        let last = 0;
        for (const a of delivered) {
          run = reduce(run, a);
          expect(percent(run!)).toBeGreaterThanOrEqual(last);
          last = percent(run!);
        }
        expect(run).toEqual(final);
      }),
    );
  });
});

import { Worker } from '@temporalio/worker';
import { readHistories } from '../test/support/history-files';
import { workflowPreloadModules } from '../temporal/worker';
import { PROGRESS_TO_PARENT_PATCH, UNDO_START_PATCH } from './item/actions';
import { REPACED_FIRE_PATCH } from './item-workflow';
import { REPACE_PATCH } from './order/repace';

// Replays histories recorded from real runs (scripts/record-histories.ts) against the current
// workflow code. A failure means a change is not replay-safe: running orders would break on
// deploy. Guard such a change with patched('change-id') instead of re-recording.
jest.setTimeout(120_000);

// Workers share the workflow modules between workflows (preloaded); replay both that way and
// with each workflow evaluating its own copy, as workers before the preload did.
it.each([
  ['modules preloaded, as workers run them', workflowPreloadModules(require.resolve('./index'))],
  ['modules evaluated per workflow', []],
])('replays every recorded order and item history with the current workflow code (%s)', async (_name, preloadModules) => {
  const saved = readHistories();
  expect(saved.map((s) => s.file)).toEqual(
    expect.arrayContaining([
      'delivered-order.json',
      'delivered-item-pizza.json',
      'cancelled-item-pizza.json',
      'late-item-espresso.json',
      'counter-fired-order.json',
      'counter-fired-item-pizza.json',
      'transition-eta-delivered-item-pizza.json',
      'transition-eta-late-item-espresso.json',
      'items-closed-cancelled-order.json',
      'items-closed-delivered-order.json',
      'delivery-failed-order.json',
      'delivery-failed-item-salad.json',
      'undo-start-item-pizza.json',
      'repaced-order.json',
      'repaced-item-pizza.json',
      'repaced-item-salad.json',
    ]),
  );
  const results = Worker.runReplayHistories(
    { workflowsPath: require.resolve('./index'), replayName: 'brigade-replay', bundlerOptions: { preloadModules } },
    saved.map(({ workflowId, history }) => ({ workflowId, history })),
  );
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of results) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(replayed).toBe(saved.length);
});

it('replays the undo of a start through its patched path', () => {
  const [undo] = readHistories().filter((s) => s.file === 'undo-start-item-pizza.json');
  const events = undo.history.events;
  const updates = events.flatMap((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? []);
  const patches = events.flatMap((e) => {
    const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    return data ? [JSON.parse(Buffer.from(data).toString()).id as string] : [];
  });
  // The history the test above replays holds the undo and its marker: that path is replayed, not skipped.
  expect(updates).toEqual(expect.arrayContaining(['startTask', 'undoStartTask', 'completeTask']));
  expect(patches).toContain(UNDO_START_PATCH);
});

it('replays a re-paced order through its patched paths', () => {
  const signalsAndPatches = (file: string) => {
    const [saved] = readHistories().filter((s) => s.file === file);
    return saved.history.events.flatMap((e) => {
      const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      if (data) return [JSON.parse(Buffer.from(data).toString()).id as string];
      return [e.workflowExecutionSignaledEventAttributes?.signalName ?? e.signalExternalWorkflowExecutionInitiatedEventAttributes?.signalName ?? []].flat();
    });
  };
  // The order decided the moves (its patch, the signals it sent); the items took and reported them.
  expect(signalsAndPatches('repaced-order.json')).toEqual(expect.arrayContaining([REPACE_PATCH, 'itemProgress', 'repaceItem']));
  expect(signalsAndPatches('repaced-item-salad.json')).toEqual(expect.arrayContaining([REPACED_FIRE_PATCH, 'repaceItem']));
  expect(signalsAndPatches('repaced-item-pizza.json')).toEqual(expect.arrayContaining([PROGRESS_TO_PARENT_PATCH, 'itemProgress']));
});

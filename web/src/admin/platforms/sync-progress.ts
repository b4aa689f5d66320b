import type { MenuSyncPhase, PlatformSyncPayload, SyncStatusName } from '../../../../contracts/socket-events';

/**
 * The progress of one menu sync run, folded from `platform:sync` events. Pure, so the rules are
 * tested on their own: events for another platform or another run are ignored, a repeated or
 * late event never moves the bar backwards, and nothing changes after the run has ended.
 */
export type SyncPhase = MenuSyncPhase;
/** Status is PENDING until phase 'done', then SYNCED or FAILED (contracts/socket-events.ts). */
export type PlatformSyncEvent = PlatformSyncPayload;

export interface SyncRun {
  runId: string;
  phase: SyncPhase;
  total: number;
  done: number;
  failed: number;
  status: SyncStatusName;
  message: string | null;
  /** The run was started from this screen (not picked up from someone else's events). */
  ownRun: boolean;
}

export type SyncAction = { type: 'started'; runId: string } | { type: 'event'; event: PlatformSyncEvent } | { type: 'dismissed' };

const PHASE_ORDER: Record<SyncPhase, number> = { loading: 0, uploading: 1, processing: 2, items: 2, done: 3 };

export const isFinished = (run: SyncRun | null): boolean => run?.phase === 'done';

export function syncProgressReducer(platformId: string) {
  return (run: SyncRun | null, action: SyncAction): SyncRun | null => {
    if (action.type === 'dismissed') return null;
    if (action.type === 'started') {
      // Events of this run may have arrived before the mutation answered: keep them.
      if (run?.runId === action.runId) return { ...run, ownRun: true };
      return { runId: action.runId, phase: 'loading', total: 0, done: 0, failed: 0, status: 'PENDING', message: null, ownRun: true };
    }
    const e = action.event;
    if (e.platformId !== platformId) return run;
    if (!run || (run.runId !== e.runId && isFinished(run))) {
      // Nothing running here: show a run started elsewhere (another admin, the demo connection).
      return fromEvent(e, false);
    }
    // A run of our own is on screen until it ends; another run's events do not replace it.
    if (run.runId !== e.runId || isFinished(run)) return run;
    if (PHASE_ORDER[e.phase] < PHASE_ORDER[run.phase]) return run;
    return {
      ...run,
      phase: e.phase,
      total: Math.max(run.total, e.total),
      done: Math.max(run.done, e.done),
      failed: Math.max(run.failed, e.failed),
      status: e.status,
      message: e.message ?? run.message,
    };
  };
}

function fromEvent(e: PlatformSyncEvent, ownRun: boolean): SyncRun {
  return { runId: e.runId, phase: e.phase, total: e.total, done: e.done, failed: e.failed, status: e.status, message: e.message ?? null, ownRun };
}

/** 0–100; a finished run is full even when the platform reported no dishes. */
export function percent(run: SyncRun): number {
  if (run.phase === 'done') return 100;
  if (run.total <= 0) return 0;
  return Math.min(100, Math.round(((run.done + run.failed) / run.total) * 100));
}

const PHASE_LABEL: Record<SyncPhase, string> = {
  loading: 'Preparing the menu',
  uploading: 'Uploading the menu',
  processing: 'Platform is processing the menu',
  items: 'Sending dishes',
  done: 'Finished',
};

export function describeRun(run: SyncRun): string {
  // The server's closing message already says how many dishes synced or why the run failed.
  if (run.phase === 'done' && run.message) return run.message;
  const counts = run.total > 0 ? ` · ${run.done} of ${run.total} synced${run.failed ? `, ${run.failed} failed` : ''}` : '';
  return `${PHASE_LABEL[run.phase]}${counts}${run.message ? ` · ${run.message}` : ''}`;
}

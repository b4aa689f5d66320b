import { describeRun, percent, type SyncRun } from './sync-progress';

/** The current run as a labelled progress bar; once finished it says how it went until dismissed. */
export function SyncProgress({ run, onDismiss }: { run: SyncRun | null; onDismiss(): void }) {
  if (!run) return null;
  const finished = run.phase === 'done';
  const failed = run.failed > 0 || run.status === 'FAILED';
  const tone = !finished ? '' : failed ? ' sync-progress--bad' : ' sync-progress--ok';
  const value = percent(run);
  return (
    <section className={`sync-progress card${tone}`} aria-label="Sync progress" data-phase={run.phase} data-status={run.status}>
      <div className="sync-progress__head">
        <strong>{finished ? (failed ? 'Sync finished with errors' : 'Sync finished') : 'Syncing the menu…'}</strong>
        {!run.ownRun && !finished && <span className="muted">started elsewhere</span>}
        {/* Also while running: if the socket is down no event ends the run, and the page must not stay stuck. */}
        <button type="button" className="btn btn--small" onClick={onDismiss}>
          {finished ? 'Dismiss' : 'Hide'}
        </button>
      </div>
      <div className="sync-progress__bar" role="progressbar" aria-label="Menu sync" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <span style={{ width: `${value}%` }} />
      </div>
      <p className="sync-progress__text" data-testid="sync-progress-text">
        {describeRun(run)}
      </p>
    </section>
  );
}

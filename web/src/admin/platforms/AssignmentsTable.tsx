import { useState } from 'react';
import type { SyncStatusName } from '../../../../contracts/socket-events';
import { useGqlMutation } from '../../api/hooks';
import { ConfirmBar } from '../../shell/page';
import { FormError } from '../../shell/states';
import { AssignmentRow } from './AssignmentRow';
import { countByStatus, PLATFORMS_KEY, SYNC_STATUSES, UNASSIGN_PRODUCTS, type Assignment, type Platform } from './platform-api';

type Filter = 'ALL' | SyncStatusName;

/**
 * The platform's dishes with their sync state. Selection works on what the filter shows, so
 * "Failed → select all → Re-sync selected" retries exactly the failed dishes.
 */
export function AssignmentsTable({
  platform,
  assignments,
  resyncBusy,
  onResync,
}: {
  platform: Platform;
  assignments: Assignment[];
  resyncBusy: boolean;
  onResync(menuItemIds: string[]): void;
}) {
  const unassign = useGqlMutation(UNASSIGN_PRODUCTS, [PLATFORMS_KEY]);
  const [filter, setFilter] = useState<Filter>('ALL');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  // One editor at a time, by assignment id: it survives refetches and closes if its row leaves.
  const [editing, setEditing] = useState<string | null>(null);
  const counts = countByStatus(assignments);
  const shown = filter === 'ALL' ? assignments : assignments.filter((a) => a.syncStatus === filter);
  // Rows can leave the view (filter, refetch after a sync): only what is on screen stays selected.
  const chosen = shown.filter((a) => selected.has(a.menuItemId)).map((a) => a.menuItemId);
  const allChosen = shown.length > 0 && chosen.length === shown.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const changeFilter = (f: Filter) => {
    setFilter(f);
    setSelected(new Set());
    setConfirming(false);
  };
  const removeChosen = () =>
    unassign.mutate(
      { platformId: platform.id, menuItemIds: chosen },
      {
        onSuccess: () => {
          setSelected(new Set());
          setConfirming(false);
        },
      },
    );

  return (
    <>
      <div className="assignments__toolbar">
        <div className="segmented" role="group" aria-label="Filter by sync status">
          {(['ALL', ...SYNC_STATUSES] as Filter[]).map((f) => (
            <button key={f} type="button" className="btn btn--small" aria-pressed={filter === f} onClick={() => changeFilter(f)}>
              {f === 'ALL' ? `All ${assignments.length}` : `${f.charAt(0)}${f.slice(1).toLowerCase()} ${counts[f]}`}
            </button>
          ))}
        </div>
        <div className="btn-row">
          <span className="muted">{chosen.length} selected</span>
          <button type="button" className="btn btn--small" disabled={chosen.length === 0 || resyncBusy} onClick={() => onResync(chosen)}>
            Re-sync selected
          </button>
          <button type="button" className="btn btn--small btn--danger" disabled={chosen.length === 0 || unassign.isPending} onClick={() => setConfirming(true)}>
            Unassign selected
          </button>
        </div>
      </div>
      {confirming && chosen.length > 0 && (
        <ConfirmBar
          label="Confirm unassign"
          confirmLabel={`Unassign ${chosen.length}`}
          tone="danger"
          busy={unassign.isPending}
          onConfirm={removeChosen}
          onCancel={() => setConfirming(false)}
        >
          Take {chosen.length} dish{chosen.length === 1 ? '' : 'es'} off {platform.name}? Customers there can no longer order{' '}
          {chosen.length === 1 ? 'it' : 'them'}.
        </ConfirmBar>
      )}
      <FormError error={unassign.error} />
      <table className="table assignments">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all shown dishes"
                checked={allChosen}
                onChange={(e) => setSelected(new Set(e.target.checked ? shown.map((a) => a.menuItemId) : []))}
              />
            </th>
            <th scope="col">Dish</th>
            <th scope="col">On the platform</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">Available</th>
            <th scope="col">Sync</th>
            <th scope="col">Last synced</th>
            <th scope="col">
              <span className="sr-only">Edit</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <AssignmentRow
              key={a.id}
              a={a}
              selected={selected.has(a.menuItemId)}
              onSelect={(on) => toggle(a.menuItemId, on)}
              editing={editing === a.id}
              onEdit={(open) => setEditing(open ? a.id : null)}
            />
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">No dishes with this status.</p>}
    </>
  );
}

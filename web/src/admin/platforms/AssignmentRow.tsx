import { money } from '../menu/menu-api';
import { AssignmentEditor } from './AssignmentEditor';
import { STATUS_BADGE, when, type Assignment } from './platform-api';
import { formatSchedule } from './schedule';

export const ASSIGNMENT_COLUMNS = 8;

/** One dish on the platform; while it is being edited, the editor opens in a full-width row below it. */
export function AssignmentRow({
  a,
  selected,
  onSelect,
  editing,
  onEdit,
}: {
  a: Assignment;
  selected: boolean;
  onSelect(on: boolean): void;
  editing: boolean;
  onEdit(open: boolean): void;
}) {
  const schedule = formatSchedule(a);
  return (
    <>
      <tr data-sync-status={a.syncStatus}>
        <td>
          <input type="checkbox" aria-label={`Select ${a.menuItemName}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
        </td>
        <th scope="row">{a.menuItemName}</th>
        <td>
          {a.platformName ?? <span className="muted">same name</span>}
          {a.platformProductId && <div className="muted assignments__product">{a.platformProductId}</div>}
        </td>
        <td className="num">{a.platformPrice ? money(a.platformPrice) : <span className="muted">menu price</span>}</td>
        <td>
          {a.isAvailable ? 'yes' : <span className="badge badge--warning">suspended</span>}
          {schedule && <div className="muted assignments__schedule">{schedule}</div>}
        </td>
        <td>
          <span className={`badge ${STATUS_BADGE[a.syncStatus]}`}>{a.syncStatus.toLowerCase()}</span>
          {a.syncError && <div className="assignments__error">{a.syncError}</div>}
        </td>
        <td>{when(a.lastSyncedAt) ?? <span className="muted">never</span>}</td>
        <td>
          <button
            type="button"
            className="btn btn--small"
            aria-label={`Edit ${a.menuItemName}`}
            aria-expanded={editing}
            disabled={editing}
            onClick={() => onEdit(true)}
          >
            Edit
          </button>
        </td>
      </tr>
      {editing && (
        <tr className="assignments__editor">
          <td colSpan={ASSIGNMENT_COLUMNS}>
            <AssignmentEditor assignment={a} onDone={() => onEdit(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

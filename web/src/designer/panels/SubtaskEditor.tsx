import type { SubtaskDef } from '../../../../domain/recipe';
import { uniqueId } from '../editor-structure';

/** The checklist a cook ticks on the KDS. Optional steps can be skipped without blocking the task. */
export function SubtaskEditor({ subtasks, onChange }: { subtasks: SubtaskDef[]; onChange: (next: SubtaskDef[]) => void }) {
  const set = (i: number, patch: Partial<SubtaskDef>) => onChange(subtasks.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...subtasks];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="fieldset">
      <legend>Steps (subtasks)</legend>
      {subtasks.length === 0 && <p className="muted">No steps: the cook just starts and bumps the task.</p>}
      <ol className="subtasks">
        {subtasks.map((s, i) => (
          <li key={s.id} className="subtasks__row">
            <input aria-label={`Step ${i + 1} name`} value={s.name} onChange={(e) => set(i, { name: e.target.value })} />
            <label className="check">
              <input type="checkbox" checked={s.optional} onChange={(e) => set(i, { optional: e.target.checked })} />
              optional
            </label>
            <button type="button" className="icon-btn" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="icon-btn" aria-label={`Move step ${i + 1} down`} disabled={i === subtasks.length - 1} onClick={() => move(i, 1)}>
              ↓
            </button>
            <button type="button" className="icon-btn" aria-label={`Remove step ${i + 1}`} onClick={() => onChange(subtasks.filter((_, k) => k !== i))}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn--small"
        onClick={() =>
          onChange([
            ...subtasks,
            {
              id: uniqueId(
                'sub',
                subtasks.map((s) => s.id),
              ),
              name: 'New step',
              optional: false,
            },
          ])
        }
      >
        Add step
      </button>
    </fieldset>
  );
}

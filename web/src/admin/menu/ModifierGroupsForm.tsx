import { useState, type FormEvent } from 'react';
import { FormError } from '../../shell/states';
import { EFFECT_LABELS, usesAmount, usesIngredient, type EffectDraft, type EffectKind, type GroupDraft, type OptionDraft } from './modifier-draft';

export interface ModifierTargets {
  tasks: Array<{ id: string; name: string; subtasks: Array<{ id: string; name: string }> }>;
  ingredients: Array<{ id: string; name: string; unit: string }>;
}

const newOption = (): OptionDraft => ({ id: null, name: '', priceDelta: '0', effects: [] });
const newGroup = (): GroupDraft => ({ id: null, name: '', minChoices: 0, maxChoices: 1, options: [newOption()] });
const AMOUNT_LABEL: Partial<Record<EffectKind, string>> = {
  ADD_MINUTES: 'Minutes',
  ADD_INGREDIENT: 'Quantity per portion',
  SCALE_INGREDIENT: 'Factor (0 = none)',
};

/**
 * A dish's modifier groups as one form: groups with min/max choices, their options with a price
 * delta, and what each option changes in the recipe or the stock. Saved as a whole; the server
 * checks everything again (a task of the published recipe, an option that leaves a task).
 */
export function ModifierGroupsForm(props: {
  dishName: string;
  initial: GroupDraft[];
  targets: ModifierTargets;
  busy: boolean;
  error: unknown;
  onSave(groups: GroupDraft[]): void;
}) {
  const { dishName, targets, busy, error, onSave } = props;
  const [groups, setGroups] = useState(props.initial);
  const setGroup = (gi: number, change: Partial<GroupDraft>) => setGroups((all) => all.map((g, i) => (i === gi ? { ...g, ...change } : g)));
  const setOption = (gi: number, oi: number, change: Partial<OptionDraft>) =>
    setGroup(gi, { options: groups[gi].options.map((o, i) => (i === oi ? { ...o, ...change } : o)) });
  const setEffect = (gi: number, oi: number, ei: number, change: Partial<EffectDraft>) =>
    setOption(gi, oi, { effects: groups[gi].options[oi].effects.map((e, i) => (i === ei ? { ...e, ...change } : e)) });
  const invalid = groups.some((g) => g.minChoices > g.maxChoices || g.minChoices > g.options.length);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) onSave(groups);
  };

  return (
    <form className="modifier-editor" aria-label={`Modifiers of ${dishName}`} onSubmit={submit}>
      {groups.map((g, gi) => (
        <fieldset key={gi} className="modifier-editor__group">
          <legend>Group {gi + 1}</legend>
          <div className="field-row">
            <label className="field">
              <span>Group name</span>
              <input value={g.name} required maxLength={100} onChange={(e) => setGroup(gi, { name: e.target.value })} />
            </label>
            <label className="field">
              <span>Min choices</span>
              <input type="number" min={0} max={20} value={g.minChoices} onChange={(e) => setGroup(gi, { minChoices: Number(e.target.value) })} />
            </label>
            <label className="field">
              <span>Max choices</span>
              <input type="number" min={1} max={20} value={g.maxChoices} onChange={(e) => setGroup(gi, { maxChoices: Number(e.target.value) })} />
            </label>
            <button type="button" className="btn" onClick={() => setGroups((all) => all.filter((_, i) => i !== gi))}>
              Remove group
            </button>
          </div>
          {(g.minChoices > g.maxChoices || g.minChoices > g.options.length) && (
            <p className="field__error">Min choices must be at most max choices and the number of options.</p>
          )}
          {g.options.map((o, oi) => (
            <div key={oi} className="modifier-editor__option">
              <div className="field-row">
                <label className="field">
                  <span>Option name</span>
                  <input value={o.name} required maxLength={100} onChange={(e) => setOption(gi, oi, { name: e.target.value })} />
                </label>
                <label className="field">
                  <span>Price change</span>
                  <input inputMode="decimal" value={o.priceDelta} onChange={(e) => setOption(gi, oi, { priceDelta: e.target.value })} />
                </label>
                <button type="button" className="btn" onClick={() => setGroup(gi, { options: g.options.filter((_, i) => i !== oi) })}>
                  Remove option
                </button>
              </div>
              {o.effects.map((ef, ei) => (
                <div key={ei} className="field-row modifier-editor__effect">
                  <label className="field">
                    <span>Change</span>
                    <select value={ef.kind} onChange={(e) => setEffect(gi, oi, ei, { kind: e.target.value as EffectKind, target: '' })}>
                      {Object.entries(EFFECT_LABELS).map(([kind, label]) => (
                        <option key={kind} value={kind}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span>{usesIngredient(ef.kind) ? 'Ingredient' : ef.kind === 'SKIP_SUBTASK' ? 'Checklist item' : 'Task'}</span>
                    <select value={ef.target} required onChange={(e) => setEffect(gi, oi, ei, { target: e.target.value })}>
                      <option value="">Choose…</option>
                      {usesIngredient(ef.kind)
                        ? targets.ingredients.map((i) => (
                            <option key={i.id} value={i.id}>
                              {i.name} ({i.unit})
                            </option>
                          ))
                        : ef.kind === 'SKIP_SUBTASK'
                          ? targets.tasks.flatMap((t) =>
                              t.subtasks.map((s) => (
                                <option key={`${t.id}/${s.id}`} value={`${t.id}/${s.id}`}>
                                  {t.name}: {s.name}
                                </option>
                              )),
                            )
                          : targets.tasks.map((t) => (
                              <option key={t.id} value={t.id}>
                                {t.name}
                              </option>
                            ))}
                    </select>
                  </label>
                  {usesAmount(ef.kind) && (
                    <label className="field">
                      <span>{AMOUNT_LABEL[ef.kind]}</span>
                      <input inputMode="decimal" required value={ef.amount} onChange={(e) => setEffect(gi, oi, ei, { amount: e.target.value })} />
                    </label>
                  )}
                  <button type="button" className="btn" onClick={() => setOption(gi, oi, { effects: o.effects.filter((_, i) => i !== ei) })}>
                    Remove change
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="btn"
                onClick={() => setOption(gi, oi, { effects: [...o.effects, { kind: 'SKIP_TASK', target: '', amount: '' }] })}
              >
                Add change to “{o.name || `option ${oi + 1}`}”
              </button>
            </div>
          ))}
          <button type="button" className="btn" onClick={() => setGroup(gi, { options: [...g.options, newOption()] })}>
            Add option
          </button>
        </fieldset>
      ))}
      <div className="field-row">
        <button type="button" className="btn" onClick={() => setGroups((all) => [...all, newGroup()])}>
          Add group
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy || invalid}>
          Save modifiers
        </button>
      </div>
      <FormError error={error} />
    </form>
  );
}

import type { WhatIfSetup } from './what-if-api';
import { setDown, setEightySix, type WhatIfForm } from './what-if-form';
import { useI18n } from '../../i18n/LocaleProvider';

interface Props {
  setup: WhatIfSetup;
  form: WhatIfForm;
  onChange: (form: WhatIfForm) => void;
}

const NO_RUSH: NonNullable<WhatIfForm['rush']> = { orders: 10, spreadMinutes: 0, lines: [{ menuItemId: '', quantity: 1 }] };

/** The changes to try: per station a slot more or less or down, dishes 86'd, and a rush of orders. */
export function WhatIfControls({ setup, form, onChange }: Props) {
  const rush = form.rush ?? NO_RUSH;
  const { t } = useI18n();
  const setRush = (next: Partial<typeof rush>) => onChange({ ...form, rush: { ...rush, ...next } });
  const setLine = (i: number, line: Partial<(typeof rush.lines)[number]>) => setRush({ lines: rush.lines.map((l, j) => (j === i ? { ...l, ...line } : l)) });
  return (
    <div className="what-if__controls">
      <fieldset className="card">
        <legend>{t('admin.whatIf.stations')}</legend>
        <table className="what-if__stations">
          <thead>
            <tr>
              <th scope="col">{t('admin.whatIf.station')}</th>
              <th scope="col">{t('admin.whatIf.slotsNow')}</th>
              <th scope="col">{t('admin.whatIf.change')}</th>
              <th scope="col">{t('admin.whatIf.down')}</th>
            </tr>
          </thead>
          <tbody>
            {setup.stations.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{s.capacity}</td>
                <td>
                  <input
                    type="number"
                    className="field--narrow"
                    aria-label={t('admin.whatIf.slotsAdded', { name: s.name })}
                    min={-s.capacity}
                    max={20}
                    value={form.slots[s.id] ?? 0}
                    disabled={form.down.includes(s.id)}
                    onChange={(e) => onChange({ ...form, slots: { ...form.slots, [s.id]: Number(e.target.value) || 0 } })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('admin.whatIf.stationDown', { name: s.name })}
                    checked={form.down.includes(s.id)}
                    onChange={(e) => onChange(setDown(form, s.id, e.target.checked))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="card what-if__dishes">
        <legend>{t('admin.whatIf.eightySix')}</legend>
        <p className="muted">{t('admin.whatIf.eightySixHint')}</p>
        {setup.menuItems.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" checked={form.eightySix.includes(m.id)} onChange={(e) => onChange(setEightySix(form, m.id, e.target.checked))} />{' '}
            {t('admin.whatIf.eightySixDish', { name: m.name })}
          </label>
        ))}
      </fieldset>
      <fieldset className="card">
        <legend>{t('admin.whatIf.rushLegend')}</legend>
        <label className="check">
          <input type="checkbox" checked={form.rush !== null} onChange={(e) => onChange({ ...form, rush: e.target.checked ? rush : null })} />{' '}
          {t('admin.whatIf.addRush')}
        </label>
        {form.rush && (
          <>
            <div className="field-row">
              <label className="field">
                <span>{t('admin.whatIf.orders')}</span>
                <input type="number" min={1} max={200} value={rush.orders} onChange={(e) => setRush({ orders: Number(e.target.value) })} />
              </label>
              <label className="field">
                <span>{t('admin.whatIf.spread')}</span>
                <input type="number" min={0} max={240} value={rush.spreadMinutes} onChange={(e) => setRush({ spreadMinutes: Number(e.target.value) })} />
              </label>
            </div>
            {rush.lines.map((line, i) => (
              <div className="field-row" key={i}>
                <label className="field">
                  <span>{t('admin.whatIf.dishN', { n: i + 1 })}</span>
                  <select value={line.menuItemId} onChange={(e) => setLine(i, { menuItemId: e.target.value })}>
                    <option value="">{t('admin.whatIf.chooseDish')}</option>
                    {setup.menuItems.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field field--narrow">
                  <span>{t('admin.whatIf.quantity')}</span>
                  <input type="number" min={1} max={50} value={line.quantity} onChange={(e) => setLine(i, { quantity: Number(e.target.value) })} />
                </label>
              </div>
            ))}
            <button type="button" className="btn btn--small" onClick={() => setRush({ lines: [...rush.lines, { menuItemId: '', quantity: 1 }] })}>
              {t('admin.whatIf.addDish')}
            </button>
          </>
        )}
      </fieldset>
    </div>
  );
}

import type { KdsStation } from './kds-api';
import { useI18n } from '../i18n/LocaleProvider';

/** Big buttons: a cook picks the station this tablet hangs at once, and the device remembers it. */
export function StationPicker({ stations, current, onPick }: { stations: KdsStation[]; current: string | null; onPick(id: string): void }) {
  const { t } = useI18n();
  const sorted = [...stations].sort((a, b) => a.displayOrder - b.displayOrder || a.name.localeCompare(b.name));
  return (
    <div className="station-picker">
      <h2>{t('kds.pickStation')}</h2>
      <ul className="station-picker__list">
        {sorted.map((s) => (
          <li key={s.id}>
            <button type="button" className="station-picker__btn" aria-current={s.id === current || undefined} onClick={() => onPick(s.id)}>
              <strong>{s.name}</strong>
              <span className="muted">{s.taskTypes.join(', ') || t('kds.noTaskTypes')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

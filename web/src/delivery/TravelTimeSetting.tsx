import { useState } from 'react';
import { useGqlMutation } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { FormError } from '../shell/states';
import { DISPATCH_BOARD_KEY, UPDATE_DELIVERY_SETTINGS } from './delivery-api';

/** A manager's travel time: what ETAs use until five trips were delivered, then the learned time takes over. */
export function TravelTimeSetting({ configured }: { configured: number }) {
  const [minutes, setMinutes] = useState(String(configured));
  const save = useGqlMutation(UPDATE_DELIVERY_SETTINGS, [DISPATCH_BOARD_KEY, ['orders']]);
  const { t } = useI18n();
  return (
    <form
      className="dispatch__settings"
      aria-label={t('dispatch.travelTime')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ travelMinutes: Number(minutes) });
      }}
    >
      <label className="field">
        <span>{t('dispatch.travelMinutes')}</span>
        <input type="number" min={1} max={180} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
      </label>
      <button type="submit" className="btn" disabled={save.isPending || Number(minutes) === configured}>
        {t('common.save')}
      </button>
      <FormError error={save.error} />
    </form>
  );
}

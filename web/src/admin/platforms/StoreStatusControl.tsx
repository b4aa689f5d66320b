import { useState } from 'react';
import { useGqlMutation } from '../../api/hooks';
import { FormError } from '../../shell/states';
import { PLATFORMS_KEY, SET_STORE_STATUS, type Platform, type StoreStatus } from './platform-api';

// Keyed by any string: storeStatus is a plain String in the schema, and an unknown one shows as sent.
const LABEL: Partial<Record<string, string>> = { online: 'Online', paused: 'Paused', busy: 'Busy' } satisfies Record<StoreStatus, string>;

/**
 * Online / pause / busy with extra minutes, as the kitchen decides them during service. The row is
 * stored at once and pushed to the platform in the background (setPlatformStoreStatus).
 */
export function StoreStatusControl({ platform }: { platform: Platform }) {
  const set = useGqlMutation(SET_STORE_STATUS, [PLATFORMS_KEY]);
  const [minutes, setMinutes] = useState(String(platform.busyExtraMinutes || 15));
  const change = (status: StoreStatus) => set.mutate({ platformId: platform.id, status, extraMinutes: status === 'busy' ? Number(minutes) : null });
  const minutesValid = Number.isInteger(Number(minutes)) && Number(minutes) >= 1 && Number(minutes) <= 120;

  return (
    <div className="store-status" role="group" aria-label={`${platform.name} store status`}>
      <span className={`badge store-status__now store-status__now--${platform.storeStatus}`} data-testid="store-status">
        {LABEL[platform.storeStatus] ?? platform.storeStatus}
        {platform.storeStatus === 'busy' && ` +${platform.busyExtraMinutes} min`}
      </span>
      <div className="btn-row">
        <button type="button" className="btn btn--small" disabled={set.isPending || platform.storeStatus === 'online'} onClick={() => change('online')}>
          Go online
        </button>
        <button type="button" className="btn btn--small" disabled={set.isPending || platform.storeStatus === 'paused'} onClick={() => change('paused')}>
          Pause
        </button>
        <label className="store-status__minutes">
          <span className="sr-only">Extra minutes when busy</span>
          <input type="number" min={1} max={120} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={!minutesValid || undefined} />
        </label>
        <button type="button" className="btn btn--small" disabled={set.isPending || !minutesValid} onClick={() => change('busy')}>
          Busy +{minutesValid ? minutes : '?'} min
        </button>
      </div>
      <FormError error={set.error} />
    </div>
  );
}

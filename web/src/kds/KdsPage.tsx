import { useCallback, useState } from 'react';
import './kds.css';
import { useGqlQuery } from '../api/hooks';
import { useRequiredSession } from '../auth/AuthContext';
import { useConnectionStatus, useRealtime } from '../realtime/RealtimeProvider';
import { QueryView } from '../shell/states';
import { useI18n } from '../i18n/LocaleProvider';
import { ExpoView } from './ExpoView';
import { KDS_STATIONS_KEY, KDS_STATIONS_QUERY } from './kds-api';
import { useRememberedStation } from './station-choice';
import { StationPicker } from './StationPicker';
import { StationScreen } from './StationScreen';

type View = 'queue' | 'expo' | 'pick';

/**
 * The kitchen display: the remembered station's live queue, the expo view over all stations, and
 * the station picker. Besides the header's connection badge, a lost connection puts a banner over
 * the tickets: a cook must never work from a screen that silently stopped updating.
 */
export function KdsPage() {
  const session = useRequiredSession();
  const [stationId, choose] = useRememberedStation(session.tenant.id);
  const stations = useGqlQuery(KDS_STATIONS_KEY, KDS_STATIONS_QUERY);
  const [view, setView] = useState<View>('queue');
  const [expoOrder, setExpoOrder] = useState<string | null>(null);
  const socket = useRealtime()?.live ?? null;
  const status = useConnectionStatus();
  const { t } = useI18n();
  const openExpo = useCallback((orderId: string) => {
    setExpoOrder(orderId);
    setView('expo');
  }, []);

  return (
    <section className="kds">
      <QueryView query={stations} loadingLabel={t('kds.loadingStations')}>
        {({ stations: list }) => {
          const station = list.find((s) => s.id === stationId) ?? null;
          const current: View = !station && view !== 'expo' ? 'pick' : view;
          return (
            <>
              <header className="kds__bar">
                <h1>{station ? station.name : t('kds.title')}</h1>
                <nav className="kds__tabs" aria-label={t('kds.views')}>
                  <button type="button" className="btn" aria-pressed={current === 'queue'} disabled={!station} onClick={() => setView('queue')}>
                    {t('kds.queue')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    aria-pressed={current === 'expo'}
                    onClick={() => {
                      setExpoOrder(null);
                      setView('expo');
                    }}
                  >
                    {t('kds.expo')}
                  </button>
                  <button type="button" className="btn" aria-pressed={current === 'pick'} onClick={() => setView('pick')}>
                    {t('kds.changeStation')}
                  </button>
                </nav>
              </header>
              {status !== 'connected' && status !== 'connecting' && (
                <p className="notice notice--warning" role="alert">
                  {t('kds.notLive')}
                </p>
              )}
              {current === 'pick' && (
                <StationPicker
                  stations={list}
                  current={stationId}
                  onPick={(id) => {
                    choose(id);
                    setView('queue');
                  }}
                />
              )}
              {current === 'queue' && station && <StationScreen key={station.id} stationId={station.id} socket={socket} openExpo={openExpo} />}
              {current === 'expo' && <ExpoView selected={expoOrder} onSelect={setExpoOrder} />}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

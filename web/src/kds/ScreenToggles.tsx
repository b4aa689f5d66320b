import type { ScreenPrefs } from './screen-prefs';
import type { SoundState } from './use-new-ticket-chime';
import { useI18n } from '../i18n/LocaleProvider';

interface Props {
  prefs: ScreenPrefs;
  change(patch: Partial<ScreenPrefs>): void;
  sound: SoundState;
  enableSound(): Promise<void>;
}

/** This screen's own settings: the new-ticket chime and large type, each remembered for the station. */
export function ScreenToggles({ prefs, change, sound, enableSound }: Props) {
  const { t } = useI18n();
  return (
    <div className="kds__toggles">
      <button
        type="button"
        className="btn kds__toggle"
        aria-pressed={prefs.sound}
        title={t('kds.soundTitle')}
        onClick={() => {
          change({ sound: !prefs.sound });
          if (!prefs.sound) void enableSound();
        }}
      >
        {prefs.sound ? '🔔' : '🔕'} {t('kds.sound')}
      </button>
      <button type="button" className="btn kds__toggle" aria-pressed={prefs.large} title={t('kds.largeTitle')} onClick={() => change({ large: !prefs.large })}>
        A<span className="kds__toggle-big">A</span> {t('kds.largeType')}
      </button>
      {sound === 'blocked' && (
        <p className="kds__sound-note" role="status">
          {t('kds.soundBlocked')}{' '}
          <button type="button" className="btn btn--small" onClick={() => void enableSound()}>
            {t('kds.enableSound')}
          </button>
        </p>
      )}
      {sound === 'unsupported' && (
        <p className="kds__sound-note" role="status">
          {t('kds.soundUnsupported')}
        </p>
      )}
    </div>
  );
}

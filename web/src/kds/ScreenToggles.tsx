import type { ScreenPrefs } from './screen-prefs';
import type { SoundState } from './use-new-ticket-chime';

interface Props {
  prefs: ScreenPrefs;
  change(patch: Partial<ScreenPrefs>): void;
  sound: SoundState;
  enableSound(): Promise<void>;
}

/** This screen's own settings: the new-ticket chime and large type, each remembered for the station. */
export function ScreenToggles({ prefs, change, sound, enableSound }: Props) {
  return (
    <div className="kds__toggles">
      <button
        type="button"
        className="btn kds__toggle"
        aria-pressed={prefs.sound}
        title="Chime when a new ticket arrives at this station"
        onClick={() => {
          change({ sound: !prefs.sound });
          if (!prefs.sound) void enableSound();
        }}
      >
        {prefs.sound ? '🔔' : '🔕'} Sound
      </button>
      <button
        type="button"
        className="btn kds__toggle"
        aria-pressed={prefs.large}
        title="Bigger text and buttons, for a screen seen from afar"
        onClick={() => change({ large: !prefs.large })}
      >
        A<span className="kds__toggle-big">A</span> Large type
      </button>
      {sound === 'blocked' && (
        <p className="kds__sound-note" role="status">
          The browser blocks sound until this screen is tapped.{' '}
          <button type="button" className="btn btn--small" onClick={() => void enableSound()}>
            Enable sound
          </button>
        </p>
      )}
      {sound === 'unsupported' && (
        <p className="kds__sound-note" role="status">
          This browser cannot play sound.
        </p>
      )}
    </div>
  );
}

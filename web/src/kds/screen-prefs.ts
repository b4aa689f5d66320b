import { useCallback, useState } from 'react';

/** What one screen remembers about how it shows its station: each tablet hangs at its own distance. */
export interface ScreenPrefs {
  /** Chime on a new ticket. */
  sound: boolean;
  /** Large type, for a screen read from arm's length or farther. */
  large: boolean;
}

const DEFAULTS: ScreenPrefs = { sound: false, large: false };
const key = (stationId: string) => `brigade.kds.screen.${stationId}`;

function read(stationId: string): ScreenPrefs {
  try {
    const raw = localStorage.getItem(key(stationId));
    const saved = raw ? (JSON.parse(raw) as Partial<ScreenPrefs>) : {};
    return { sound: saved.sound === true, large: saved.large === true };
  } catch {
    return DEFAULTS; // storage disabled or unreadable: this visit starts from the defaults
  }
}

/** The station screen's toggles, kept in localStorage per station (the KDS remembers its station the same way). */
export function useScreenPrefs(stationId: string): [ScreenPrefs, (change: Partial<ScreenPrefs>) => void] {
  const [prefs, setPrefs] = useState(() => read(stationId));
  const change = useCallback(
    (patch: Partial<ScreenPrefs>) =>
      setPrefs((current) => {
        const next = { ...current, ...patch };
        try {
          localStorage.setItem(key(stationId), JSON.stringify(next));
        } catch {
          // Not remembered, but applied for this visit.
        }
        return next;
      }),
    [stationId],
  );
  return [prefs, change];
}

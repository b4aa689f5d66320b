import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Chime, type ChimeState } from './chime';

export type SoundState = 'off' | ChimeState;

/**
 * Chimes when a ticket this screen has never shown appears. The first answer only fills the
 * memory (no chime on load), and so does every redraw, event echo or re-sync of tickets already
 * seen: a recalled ticket or an undone start is not new. A ticket that arrived while the screen
 * was offline chimes once, when the re-sync shows it: the cook has not seen it yet.
 */
export function useNewTicketChime(tickets: ReadonlyArray<{ id: string }> | undefined, on: boolean) {
  const chime = useMemo(() => new Chime(), []);
  const [state, setState] = useState<ChimeState>(() => chime.state());
  const seen = useRef<Set<string> | null>(null);
  const refresh = useCallback(() => setState(chime.state()), [chime]);

  useEffect(() => () => chime.close(), [chime]);

  // Remembered "on": unlock now if the page has had a gesture (creating the context before one only
  // earns a console warning), else on the next tap anywhere; meanwhile the toggle says it is blocked.
  useEffect(() => {
    if (!on) return;
    const unlock = () => void chime.unlock(refresh).then(setState);
    const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
    if (activation?.hasBeenActive !== false) unlock();
    document.addEventListener('pointerdown', unlock, true);
    document.addEventListener('keydown', unlock, true);
    return () => {
      document.removeEventListener('pointerdown', unlock, true);
      document.removeEventListener('keydown', unlock, true);
    };
  }, [on, chime, refresh]);

  useEffect(() => {
    if (!tickets) return;
    if (!seen.current) {
      seen.current = new Set(tickets.map((t) => t.id));
      return;
    }
    const known = seen.current;
    const fresh = tickets.filter((t) => !known.has(t.id));
    for (const t of fresh) known.add(t.id);
    if (fresh.length > 0 && on) chime.play();
  }, [tickets, on, chime]);

  /** From the toggle's tap (the gesture browsers wait for): unlock, and chime once so the cook hears it. */
  const enable = useCallback(async () => {
    const next = await chime.unlock(refresh);
    setState(next);
    chime.play();
  }, [chime, refresh]);

  return { sound: (on ? state : 'off') as SoundState, enableSound: enable };
}

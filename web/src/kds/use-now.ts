import { useEffect, useState } from 'react';

/** A clock that re-renders its user every `intervalMs`; one per screen, not one per ticket. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

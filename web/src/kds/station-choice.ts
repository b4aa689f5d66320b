import { useCallback, useState } from 'react';

/**
 * The tablet remembers its station: a KDS is mounted at one station and should come back to it
 * after a reload or a sign-in. Keyed by tenant, so a shared device never opens another kitchen's id.
 */
const key = (tenantId: string) => `brigade.kds.station.${tenantId}`;

function read(tenantId: string): string | null {
  try {
    return localStorage.getItem(key(tenantId));
  } catch {
    return null; // storage disabled (private mode): the cook picks again
  }
}

export function useRememberedStation(tenantId: string): [string | null, (id: string | null) => void] {
  const [stationId, setStationId] = useState(() => read(tenantId));
  const choose = useCallback(
    (id: string | null) => {
      try {
        if (id) localStorage.setItem(key(tenantId), id);
        else localStorage.removeItem(key(tenantId));
      } catch {
        // Not remembered, but still chosen for this visit.
      }
      setStationId(id);
    },
    [tenantId],
  );
  return [stationId, choose];
}

export interface BumpedTicket {
  taskId: string;
  /** e.g. "Tiramisù × 2" */
  label: string;
  /** The task, e.g. "Dust with cocoa": several tasks of one order may be bumped in a row. */
  taskName: string;
  orderNumber: number;
}

const bumpKey = (stationId: string) => `brigade.kds.bumped.${stationId}`;

/** The last ticket bumped at this station, kept across reloads so "Recall" still works after one. */
export function useLastBumped(stationId: string): [BumpedTicket | null, (t: BumpedTicket | null) => void] {
  const [bumped, setBumped] = useState<BumpedTicket | null>(() => {
    try {
      const raw = localStorage.getItem(bumpKey(stationId));
      return raw ? (JSON.parse(raw) as BumpedTicket) : null;
    } catch {
      return null;
    }
  });
  const remember = useCallback(
    (t: BumpedTicket | null) => {
      try {
        if (t) localStorage.setItem(bumpKey(stationId), JSON.stringify(t));
        else localStorage.removeItem(bumpKey(stationId));
      } catch {
        // Only this visit remembers it.
      }
      setBumped(t);
    },
    [stationId],
  );
  return [bumped, remember];
}

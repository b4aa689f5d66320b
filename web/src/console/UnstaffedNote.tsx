import type { EtaQuote } from './console-api';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Why a quote is late: a station the order needs has nobody on shift now (the ready time already waits for the next shift). */
export function UnstaffedNote({ stations }: { stations: EtaQuote['unstaffedStations'] }) {
  if (stations.length === 0) return null;
  return (
    <p className="notice notice--warning" data-testid="quote-unstaffed">
      {stations.map((s) => (s.staffedFrom ? `Nobody is on shift at ${s.name} until ${time(s.staffedFrom)}` : `Nobody is on shift at ${s.name}`)).join('; ')}:
      the ready time waits for it.
    </p>
  );
}

import { clock, type OrderTimelineData } from './order-timeline-api';

const REASONS: Record<string, string> = { 'order-created': 'promised when the order was taken', 'late-check': 'late check' };

/** Every ETA the order was given, oldest first, with how far each moved from the one before. */
export function EtaHistoryList({ history }: { history: OrderTimelineData['etaHistory'] }) {
  if (history.length === 0) return <p className="muted">No ETA was recorded for this order.</p>;
  return (
    <ol className="eta-history" data-testid="eta-history">
      {history.map((h, i) => {
        const moved = i === 0 ? null : Math.round((Date.parse(h.estimatedReadyAt) - Date.parse(history[i - 1].estimatedReadyAt)) / 60_000);
        return (
          <li key={`${h.computedAt}-${i}`}>
            <strong>{clock(h.estimatedReadyAt)}</strong>
            {moved !== null && moved !== 0 && <span className={moved > 0 ? 'is-late' : 'is-early'}> ({moved > 0 ? `+${moved}` : moved} min)</span>}
            <span className="muted">
              {' '}
              at {clock(h.computedAt)} · {REASONS[h.reason] ?? h.reason.replaceAll(',', ', ')}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

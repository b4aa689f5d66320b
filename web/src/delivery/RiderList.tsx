import { clock, type DispatchRider } from './delivery-api';

const STATE: Record<DispatchRider['state'], string> = { FREE: 'free', OUT: 'out', OFF_SHIFT: 'off shift' };

/** Every active rider: free, out (since when, back when) or off shift; the suggestion is marked. */
export function RiderList({ riders, suggestedRiderId }: { riders: DispatchRider[]; suggestedRiderId: string | null }) {
  return (
    <section aria-labelledby="dispatch-riders">
      <h2 id="dispatch-riders">Riders</h2>
      {riders.length === 0 ? (
        <p className="muted">No active riders: add a user with the DELIVERY role.</p>
      ) : (
        <ul className="dispatch__riders" aria-label="Riders">
          {riders.map((r) => (
            <li key={r.id} className={`dispatch-rider dispatch-rider--${r.state.toLowerCase()}`} data-state={r.state}>
              <span>
                <strong>{r.name}</strong>
                {r.id === suggestedRiderId && <span className="badge badge--ok"> next</span>}
              </span>
              <span className="muted">
                {STATE[r.state]}
                {r.state === 'OUT' && ` since ${clock(r.outSince)}, back ~${clock(r.expectedBackAt)}`}
                {r.waiting > 0 && ` · ${r.waiting} waiting`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

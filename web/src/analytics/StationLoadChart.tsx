import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StationLoad } from './analytics-api';

const COLOURS = { bottleneck: '#c0262d', busy: '#e8a317', normal: '#1f5fbf' };

/**
 * Load per station (100% = every slot busy, nothing waiting). The bottleneck, the station that
 * needs longest to clear its work, is red whatever its percentage.
 */
export function StationLoadChart({ stations }: { stations: StationLoad[] }) {
  if (stations.length === 0) return <p className="muted chart__empty">No active stations.</p>;
  const bottleneck = stations.find((s) => s.bottleneck);
  return (
    <>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={stations} margin={{ left: 0, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid vertical={false} stroke="#eceff3" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis unit="%" allowDecimals={false} />
          <ReferenceLine y={100} stroke="#5d6672" strokeDasharray="4 4" />
          <Tooltip
            formatter={(_v, _n, entry) => {
              const s = entry.payload as StationLoad;
              return [
                `${s.loadPercent}% · ${s.inProgress} cooking, ${s.queueLength} waiting (capacity ${s.capacity}) · ${s.backlogMinutes} min backlog`,
                s.name,
              ];
            }}
          />
          <Bar dataKey="loadPercent" isAnimationActive={false} radius={[4, 4, 0, 0]}>
            {stations.map((s) => (
              <Cell key={s.stationId} fill={s.bottleneck ? COLOURS.bottleneck : s.loadPercent > 100 ? COLOURS.busy : COLOURS.normal} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <p className="chart__caption" data-testid="bottleneck">
        {bottleneck ? (
          <>
            Bottleneck: <strong className="text-bad">{bottleneck.name}</strong> — {bottleneck.backlogMinutes} min of work for {bottleneck.capacity} slot
            {bottleneck.capacity === 1 ? '' : 's'}
            {bottleneck.avgTaskMinutes !== null && `, ${bottleneck.avgTaskMinutes} min per task lately`}.
          </>
        ) : (
          'No station has work waiting.'
        )}
      </p>
    </>
  );
}

import { CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { LateOrderLinks } from '../orders/LateOrderLinks';
import { orderDetailPath } from '../orders/order-timeline-api';
import { navigate } from '../router/router';
import { ETA_TOLERANCE_MINUTES, summariseEta, type EtaPoint } from './analytics-api';

const time = (ms: number) => new Date(ms).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/**
 * Promise against reality: each dot is an order, placed at when it was ready, as high as it was
 * late (below zero: early). The band is the ±5 minutes a customer does not notice.
 */
export function EtaAccuracyChart({ points }: { points: EtaPoint[] }) {
  const summary = summariseEta(points);
  if (points.length === 0) return <p className="muted chart__empty">No finished orders in the last days yet.</p>;
  const data = points.map((p) => ({ ...p, x: Date.parse(p.actualAt), y: p.errorMinutes }));
  const spread = Math.max(ETA_TOLERANCE_MINUTES + 2, ...data.map((d) => Math.ceil(Math.abs(d.y))));
  return (
    <>
      <ResponsiveContainer width="100%" height={230}>
        <ScatterChart margin={{ left: 0, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#eceff3" />
          <XAxis type="number" dataKey="x" domain={['dataMin', 'dataMax']} tickFormatter={time} tick={{ fontSize: 11 }} name="Ready at" />
          <YAxis type="number" dataKey="y" unit=" min" domain={[-spread, spread]} name="Late by" width={64} />
          <ReferenceArea y1={-ETA_TOLERANCE_MINUTES} y2={ETA_TOLERANCE_MINUTES} fill="#1d7a46" fillOpacity={0.08} />
          <ReferenceLine y={0} stroke="#1d7a46" />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as (EtaPoint & { y: number }) | undefined;
              if (!p) return null;
              return (
                <div className="chart__tip">
                  <strong>#{p.orderNumber}</strong> promised {new Date(p.predictedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}, ready{' '}
                  {new Date(p.actualAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} ({p.y > 0 ? `${p.y} min late` : `${-p.y} min early`})
                </div>
              );
            }}
          />
          <Scatter
            data={data}
            fill="#7b3fe4"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(d) => navigate(orderDetailPath((d.payload as EtaPoint).orderId))}
          />
        </ScatterChart>
      </ResponsiveContainer>
      <p className="chart__caption" data-testid="eta-summary">
        {summary.count} order{summary.count === 1 ? '' : 's'} · mean error {summary.meanAbsoluteError} min · within ±{ETA_TOLERANCE_MINUTES} min:{' '}
        {pct(summary.withinTolerance)} · later than that: {pct(summary.lateShare)}
      </p>
      <LateOrderLinks points={points} toleranceMinutes={ETA_TOLERANCE_MINUTES} />
    </>
  );
}

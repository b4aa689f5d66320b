import type { SimReport } from './report';
import type { ErrorSummary, LatencySummary } from './stats';

/** The plain-text summary printed at the end of `npm run simulate`. */
const f = (v: number | null, digits = 1) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);

function etaLine(name: string, e: ErrorSummary): string {
  return `  ${name.padEnd(26)} n=${String(e.n).padEnd(5)} MAE ${f(e.mae).padStart(5)}  p90 ${f(e.p90).padStart(5)}  bias ${f(e.bias).padStart(6)}  within ±2 ${pct(e.within2).padStart(4)}  ±5 ${pct(e.within5).padStart(4)}`;
}

function latencyLine(kind: string, req: LatencySummary, res: LatencySummary, missing: number): string {
  return `  ${kind.padEnd(34)} n=${String(req.n).padEnd(5)} median ${ms(req.median).padStart(8)}  p95 ${ms(req.p95).padStart(8)}   (after the response: median ${ms(res.median)}, p95 ${ms(res.p95)})${missing ? `  ${missing} never arrived` : ''}`;
}

export function formatReport(r: SimReport, header: string): string {
  const lines = [
    '',
    header,
    '',
    `Throughput over ${f(r.kitchenHours * 60, 0)} kitchen minutes`,
    `  orders placed ${r.orders.placed} (rejected ${r.orders.rejected}), ready ${r.orders.ready}, cancelled ${r.orders.cancelled}, still open ${r.orders.open}`,
    `  completed per kitchen hour: ${f(r.orders.perHour)} orders, ${f(r.items.perHour)} items (${r.items.done} of ${r.items.total} items done)`,
    '',
    'ETA error in kitchen minutes (predicted − actual ready; bias > 0 = predicted too late)',
    ...Object.entries(r.eta).map(([name, e]) => etaLine(name, e)),
    '',
    'Late',
    `  items finished after the first ETA given for them: ${r.late.itemsAfterFirstEta} of ${r.late.itemsDone} done (mean ${f(r.late.meanLateMinutes)} min late)`,
    `  flagged late by the kitchen's ETA timers: ${r.late.itemsFlagged} items, ${r.late.ordersFlagged} orders`,
    '',
    'Items finishing together (multi-item orders, all items done; first → last item, kitchen minutes)',
    `  orders ${r.together.orders}, within 2 min ${pct(r.together.within2)}, median spread ${f(r.together.medianSpread)}, p90 ${f(r.together.p90Spread)}`,
    '',
    'Queue wait per station (queued → started, kitchen minutes) and how busy its slots were',
    ...r.queueWaits.map(
      (w) =>
        `  ${w.station.padEnd(20)} n=${String(w.n).padEnd(5)} median ${f(w.median).padStart(5)}  p90 ${f(w.p90).padStart(5)}  busy ${pct(w.busy).padStart(4)}${w.stillQueued ? `  (${w.stillQueued} still queued at the end)` : ''}`,
    ),
    '',
    'Event latency (mutation sent → matching Socket.io event on the operator board, wall-clock)',
    ...r.latency.map((l) => latencyLine(l.kind, l.fromRequest, l.fromResponse, l.missing)),
    '',
  ];
  return lines.join('\n');
}

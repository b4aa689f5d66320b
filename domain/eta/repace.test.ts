import { at, MIN, NOW } from './fixtures';
import { planItemFireTimes, replanFireTimes, type LiveItem } from './pacing';

// Pizza (12 min) is the anchor and fired at NOW; salad (2 min) planned to fire at +10.
const pizza = (forecast: number | null, status: LiveItem['status'] = 'STARTED'): LiveItem => ({
  orderItemId: 'pizza',
  status,
  fireAt: NOW,
  criticalPathMs: 12 * MIN,
  forecastReadyAt: forecast,
});
const salad = (fireAt = at(10), more: Partial<LiveItem> = {}): LiveItem => ({
  orderItemId: 'salad',
  status: 'WAITING',
  fireAt,
  criticalPathMs: 2 * MIN,
  ...more,
});

describe('replanFireTimes', () => {
  it('keeps the plan while the anchor runs to plan', () => {
    expect(replanFireTimes({ now: at(3), priority: 0, items: [pizza(at(12)), salad()] })).toEqual({});
  });

  it('fires the paced item earlier when the anchor runs early', () => {
    expect(replanFireTimes({ now: at(3), priority: 0, items: [pizza(at(9)), salad()] })).toEqual({ salad: at(7) });
  });

  it('makes the paced item wait longer when the anchor runs late', () => {
    expect(replanFireTimes({ now: at(3), priority: 0, items: [pizza(at(15)), salad()] })).toEqual({ salad: at(13) });
  });

  it('fires the paced items now once the anchor is done, and never in the past', () => {
    expect(replanFireTimes({ now: at(4), priority: 0, items: [pizza(null, 'DONE'), salad()] })).toEqual({ salad: at(4) });
    expect(replanFireTimes({ now: at(4), priority: 0, items: [pizza(at(5)), salad()] })).toEqual({ salad: at(4) });
  });

  it('follows the latest of several cooking items, a fired item not yet started included', () => {
    const fries: LiveItem = { orderItemId: 'fries', status: 'WAITING', fireAt: at(1), criticalPathMs: 5 * MIN, forecastReadyAt: at(14) };
    expect(replanFireTimes({ now: at(3), priority: 0, items: [pizza(at(9)), fries, salad()] })).toEqual({ salad: at(12) });
  });

  it('keeps the plan when a cooking item has no forecast, or nothing has fired yet (a scheduled order)', () => {
    expect(replanFireTimes({ now: at(3), priority: 0, items: [pizza(null), salad()] })).toEqual({});
    const scheduled = planItemFireTimes({ now: NOW, priority: 0, requestedAt: at(60), items: [pizza(null), salad()] });
    const items = [{ ...pizza(at(60), 'WAITING'), fireAt: scheduled.pizza }, salad(scheduled.salad, { forecastReadyAt: at(60) })];
    expect(replanFireTimes({ now: NOW, priority: 0, items })).toEqual({});
  });

  it('leaves out moves smaller than 1 % of the item path (at least a second)', () => {
    expect(replanFireTimes({ now: at(3), priority: 0, items: [pizza(at(12) - 800), salad()] })).toEqual({});
    expect(replanFireTimes({ now: at(3), priority: 0, items: [pizza(at(12) - 1_300), salad()] })).toEqual({ salad: at(10) - 1_300 });
  });

  it('fires a paced item its queueing earlier when the forecast shows it waiting at its station', () => {
    // The forecast had the salad fire at +10 and be ready at +13: one minute of queue at the cold station.
    const queued = salad(at(10), { forecastReadyAt: at(13), forecastFireAt: at(10) });
    expect(replanFireTimes({ now: at(3), priority: 0, forecastAt: at(3), items: [pizza(at(12)), queued] })).toEqual({ salad: at(9) });
  });

  it('uses the fire time the forecast assumed, not a newer one it had not seen yet', () => {
    // Already moved to +7 by the order, but the forecast still assumed +10: the lead is still 2 minutes.
    const moved = salad(at(7), { forecastReadyAt: at(12), forecastFireAt: at(10) });
    expect(replanFireTimes({ now: at(3), priority: 0, forecastAt: at(3), items: [pizza(at(9)), moved] })).toEqual({});
  });

  it('fires everything now in an urgent order', () => {
    expect(replanFireTimes({ now: at(3), priority: 2, items: [pizza(at(12)), salad()] })).toEqual({ salad: at(3) });
  });

  it('does nothing when no item waits for its fire time', () => {
    expect(replanFireTimes({ now: at(11), priority: 0, items: [pizza(at(9)), salad()] })).toEqual({});
  });
});

import { deliveredBy } from './delivery-eta';

const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00Z`);

describe('deliveredBy', () => {
  it('is the kitchen ready time plus the travel time while the order is in the kitchen', () => {
    expect(deliveredBy({ readyAt: at('19:30'), pickedUpAt: null, deliveredAt: null, travelMinutes: 20, now: at('19:00') })).toEqual(at('19:50'));
  });

  it('counts from now when the order is ready and still waiting for a rider', () => {
    expect(deliveredBy({ readyAt: at('19:30'), pickedUpAt: null, deliveredAt: null, travelMinutes: 20, now: at('19:40') })).toEqual(at('20:00'));
  });

  it('counts from the pickup once the rider left, and never promises the past', () => {
    expect(deliveredBy({ readyAt: at('19:30'), pickedUpAt: at('19:35'), deliveredAt: null, travelMinutes: 20, now: at('19:40') })).toEqual(at('19:55'));
    expect(deliveredBy({ readyAt: at('19:30'), pickedUpAt: at('19:35'), deliveredAt: null, travelMinutes: 20, now: at('20:05') })).toEqual(at('20:05'));
  });

  it('is the delivery time once delivered, and unknown before the kitchen has an ETA', () => {
    expect(deliveredBy({ readyAt: at('19:30'), pickedUpAt: at('19:35'), deliveredAt: at('19:52'), travelMinutes: 20, now: at('21:00') })).toEqual(at('19:52'));
    expect(deliveredBy({ readyAt: null, pickedUpAt: null, deliveredAt: null, travelMinutes: 20, now: at('19:00') })).toBeNull();
  });
});

/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { clock, type DispatchRider } from './delivery-api';
import { RiderList } from './RiderList';

/** The dispatcher's riders as the board answers them (api/graphql/deliveries.test.ts checks the states and times). */
const rider = (id: string, name: string, state: DispatchRider['state'], patch: Partial<DispatchRider> = {}): DispatchRider => ({
  id,
  name,
  state,
  outSince: null,
  expectedBackAt: null,
  waiting: 0,
  ...patch,
});

it('says of each rider whether they are free, out since when and back when, or off shift, and marks the suggested one', () => {
  const out = { outSince: '2026-12-07T19:05:00.000Z', expectedBackAt: '2026-12-07T19:45:00.000Z' };
  render(
    <RiderList riders={[rider('a', 'Ada', 'FREE', { waiting: 2 }), rider('b', 'Bruno', 'OUT', out), rider('c', 'Cleo', 'OFF_SHIFT')]} suggestedRiderId="b" />,
  );
  const rows = within(screen.getByRole('list', { name: 'Riders' })).getAllByRole('listitem');
  expect(rows.map((r) => [r.dataset.state, r.textContent])).toEqual([
    ['FREE', 'Adafree · 2 waiting'],
    ['OUT', `Bruno nextout since ${clock(out.outSince)}, back ~${clock(out.expectedBackAt)}`],
    ['OFF_SHIFT', 'Cleooff shift'],
  ]);
});

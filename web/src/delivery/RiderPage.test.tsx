/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { ApiContext } from '../api/hooks';
import type { MyShift } from '../kds/shift-api';
import { fakeApi } from '../test-support/fake-api';
import { RiderPage } from './RiderPage';

/**
 * The rider's phone with its real hooks against an in-memory stand-in for the same documents: a
 * rider has no KDS, so their clock-in is here (e2e/delivery-flow.test.ts drives the real server).
 */
it('lets a rider clock in to their shift from their phone, with no deliveries yet', async () => {
  const now = Date.now();
  let shift: MyShift = {
    id: 'r1',
    startsAt: new Date(now - 5 * 60_000).toISOString(),
    endsAt: new Date(now + 4 * 3_600_000).toISOString(),
    clockedInAt: null,
    clockedOutAt: null,
    station: null,
  };
  const clockIns: unknown[] = [];
  const api = fakeApi(async (query, variables) => {
    if (query.includes('myDeliveries')) return { myDeliveries: [] };
    if (query.includes('myShifts')) return { myShifts: [shift] };
    if (query.includes('clockIn')) {
      clockIns.push(variables.shiftId);
      shift = { ...shift, clockedInAt: new Date().toISOString() };
      return { clockIn: shift };
    }
    throw new Error(`unexpected document: ${query.slice(0, 60)}`);
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ApiContext.Provider value={api}>
        <RiderPage />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
  expect(await screen.findByText('Nothing to deliver right now')).toBeTruthy();
  fireEvent.click(await screen.findByRole('button', { name: 'Clock in' }));
  await screen.findByRole('button', { name: 'Clock out' });
  expect(clockIns).toEqual(['r1']);
});

/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuthClient } from '../../auth/auth-client';
import { renderWithApi, testSession, wireError } from '../../test-support/render-with-api';
import { WhatIfPage } from './WhatIfPage';

let auth: AuthClient | undefined;
afterEach(() => auth?.dispose());

const SETUP = {
  stations: [
    { id: 's-oven', name: 'Forno', capacity: 2 },
    { id: 's-grill', name: 'Griglia', capacity: 1 },
  ],
  menuItems: [
    { id: 'm-pizza', name: 'Margherita' },
    { id: 'm-tira', name: 'Tiramisù' },
  ],
};
const at = (h: number, m: number) => new Date(2026, 11, 8, h, m).toISOString();
const ANSWER = {
  whatIf: {
    computedAt: at(19, 0),
    orders: [
      {
        orderId: 'o1',
        orderNumber: 41,
        customerName: 'Anna',
        promisedAt: at(19, 20),
        currentReadyAt: at(19, 10),
        whatIfReadyAt: at(19, 10),
        deltaMinutes: 0,
        lateNow: false,
        lateWhatIf: false,
      },
      {
        orderId: 'o2',
        orderNumber: 42,
        customerName: null,
        promisedAt: at(19, 20),
        currentReadyAt: at(19, 18),
        whatIfReadyAt: at(19, 26),
        deltaMinutes: 8,
        lateNow: false,
        lateWhatIf: true,
      },
    ],
    summary: { openOrders: 2, madeLate: 1, madeOnTime: 0, later: 1, earlier: 0, cannotBeMade: 0 },
    rush: { orders: 5, droppedLines: 5, firstReadyAt: at(19, 25), lastReadyAt: at(20, 5), cannotBeMade: 0 },
  },
};

function renderPage(answer: (query: string, variables: Record<string, unknown>) => unknown) {
  const out = renderWithApi(<WhatIfPage />, answer, testSession(1, 'MANAGER'));
  auth = out.auth;
  return out;
}

it('sends the changes chosen and shows every open order now and with them, red where a promise would be missed', async () => {
  const { calls } = renderPage((query) => (query.includes('whatIf(') ? ANSWER : SETUP));
  fireEvent.change(await screen.findByRole('spinbutton', { name: 'Slots added at Forno' }), { target: { value: '1' } });
  fireEvent.click(screen.getByRole('checkbox', { name: 'Griglia down' }));
  fireEvent.click(screen.getByRole('checkbox', { name: '86 Tiramisù' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Add a rush of orders' }));
  fireEvent.change(screen.getByRole('spinbutton', { name: 'Orders' }), { target: { value: '5' } });
  fireEvent.change(screen.getByRole('spinbutton', { name: 'Arriving over (minutes)' }), { target: { value: '15' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'Dish 1' }), { target: { value: 'm-tira' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add a dish' }));
  fireEvent.change(screen.getByRole('combobox', { name: 'Dish 2' }), { target: { value: 'm-pizza' } });
  fireEvent.click(screen.getByRole('button', { name: 'Simulate' }));

  const result = await screen.findByRole('region', { name: 'What-if result' });
  const sent = calls.find((c) => c.query.includes('whatIf('))!.variables;
  expect(sent).toEqual({
    input: {
      stationSlots: [{ stationId: 's-oven', delta: 1 }],
      stationsDown: ['s-grill'],
      eightySix: ['m-tira'],
      rush: {
        orders: 5,
        spreadMinutes: 15,
        items: [
          { menuItemId: 'm-tira', quantity: 1 },
          { menuItemId: 'm-pizza', quantity: 1 },
        ],
      },
    },
  });
  expect(result.textContent).toContain('1 would miss their promise');
  expect(result.textContent).toContain("5 lines left out (86'd)");
  const rows = within(result).getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['#41 Anna', '#42']);
  expect(rows.map((r) => r.className)).toEqual(['', 'what-if__row--miss']);
  expect(rows[1].textContent).toContain('misses promise');
  expect(rows[1].textContent).toContain('+8.0 min');
  expect(rows[0].textContent).toContain('no change');
});

it('sends nothing for stations left as they are and says what the API refused', async () => {
  const { calls } = renderPage((query) => {
    if (!query.includes('whatIf(')) return SETUP;
    throw wireError('What-if rejected: rush.orders: must be between 1 and 200', { code: 'BAD_USER_INPUT', field: 'rush.orders' });
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Simulate as it is' }));
  await waitFor(() => expect(calls.some((c) => c.query.includes('whatIf('))).toBe(true));
  expect(calls.find((c) => c.query.includes('whatIf('))!.variables).toEqual({ input: { stationSlots: [], stationsDown: [], eightySix: [], rush: null } });
  expect((await screen.findByRole('alert')).textContent).toContain('rush.orders: must be between 1 and 200');
});

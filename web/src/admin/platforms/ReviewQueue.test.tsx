/** @jest-environment jsdom */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { RoleName } from '../../../../contracts/socket-events';
import type { Api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ApiContext } from '../../api/hooks';
import { assignment, dish, fakePlatformApi, PLATFORM_ID } from '../../test-support/platforms';
import type { ReviewOrder } from './platform-api';
import { ReviewQueue } from './ReviewQueue';

/** The review queue on the in-memory tenant (test-support/platforms.ts); the e2e test drives the real one. */
const order = (over: Partial<ReviewOrder> = {}): ReviewOrder => ({
  id: 'po-1',
  platformId: PLATFORM_ID,
  platformName: 'Sandbox Eats',
  platformOrderId: 'SB-7F3A',
  status: 'needs_review',
  reviewReason: 'Unknown platform products: x-calzone, x-cola',
  acceptDeadline: null,
  createdAt: '2026-11-20T12:00:00.000Z',
  unknownItems: [
    { platformItemId: 'x-calzone', name: 'Calzone ripieno', quantity: 1 },
    { platformItemId: 'x-cola', name: 'Cola 33cl', quantity: 2 },
    // The same product on a second line: one choice covers both.
    { platformItemId: 'x-cola', name: 'Cola 33cl', quantity: 1 },
  ],
  ...over,
});

function renderQueue(api: Api, role: RoleName = 'ADMIN') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiContext.Provider value={api}>
        <ReviewQueue role={role} />
      </ApiContext.Provider>
    </QueryClientProvider>,
  );
}

const card = () => screen.getByRole('article', { name: 'Order SB-7F3A' });
const pick = (line: string, dishName: string) =>
  fireEvent.change(within(card()).getByRole('combobox', { name: `Our dish for ${line}` }), { target: { value: dish(dishName).id } });

describe('platform review queue', () => {
  it('links back to the platforms page only for roles that may open it', async () => {
    renderQueue(fakePlatformApi({ queue: [] }).api, 'ADMIN');
    expect(screen.getByRole('link', { name: 'Platforms' }).getAttribute('href')).toBe('#/admin/platforms');
    await screen.findByText('No platform orders need review');
    cleanup();
    renderQueue(fakePlatformApi({ queue: [] }).api, 'MANAGER');
    await screen.findByText('No platform orders need review');
    expect(screen.queryByRole('link', { name: 'Platforms' })).toBeNull();
    expect(screen.queryByText(/Platforms/)).toBeNull();
  });

  it('accepts only once every unknown line names a dish, then sends one mapping per platform product', async () => {
    const { api, callsOf } = fakePlatformApi({
      queue: [order()],
      dishes: [dish('Calzone'), dish('Coca-Cola', { category: 'Drinks' })],
      assignments: [assignment('Calzone')],
    });
    renderQueue(api);
    await within(await screen.findByRole('article', { name: 'Order SB-7F3A' })).findAllByRole('option', { name: 'Calzone' });
    expect(within(card()).getAllByRole('combobox')).toHaveLength(2);

    pick('Calzone ripieno', 'Calzone');
    fireEvent.click(within(card()).getByRole('button', { name: 'Accept with these dishes' }));
    expect(within(card()).getByRole('combobox', { name: 'Our dish for Cola 33cl' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(card()).getByText('Choose the dish "Cola 33cl" is')).toBeTruthy();
    expect(callsOf('resolvePlatformOrder')).toHaveLength(0);

    // Calzone is on the platform under another item id: accepting re-links it, and the card says so.
    expect(within(card()).getByText('Calzone is linked to platform item brigade-dish-calzone; accepting links it to x-calzone instead.')).toBeTruthy();
    pick('Cola 33cl', 'Coca-Cola');
    expect(within(card()).queryByText(/Coca-Cola is linked/)).toBeNull();
    fireEvent.click(within(card()).getByRole('button', { name: 'Accept with these dishes' }));
    await screen.findByText('Order SB-7F3A accepted: it is on its way to the kitchen.');
    expect(callsOf('resolvePlatformOrder').map((c) => c.variables.input)).toEqual([
      {
        platformOrderId: 'po-1',
        action: 'ACCEPT',
        itemMappings: [
          { platformItemId: 'x-calzone', menuItemId: 'dish-calzone' },
          { platformItemId: 'x-cola', menuItemId: 'dish-coca-cola' },
        ],
        reason: null,
      },
    ]);
    await screen.findByText('No platform orders need review');
  });

  it('denies only with a reason, and shows the server’s refusal inline on the order', async () => {
    const { api, state, callsOf } = fakePlatformApi({ queue: [order()], dishes: [dish('Calzone')] });
    renderQueue(api);
    await screen.findByRole('article', { name: 'Order SB-7F3A' });

    fireEvent.click(within(card()).getByRole('button', { name: 'Deny…' }));
    fireEvent.click(within(card()).getByRole('button', { name: 'Deny order' }));
    expect(within(card()).getByRole('textbox', { name: 'Reason for the customer' }).getAttribute('aria-invalid')).toBe('true');
    expect(callsOf('resolvePlatformOrder')).toHaveLength(0);

    state.failNext = new ApiError('Order rejected: x-cola is not mapped to a menu item', 'BAD_USER_INPUT');
    fireEvent.change(within(card()).getByRole('textbox', { name: 'Reason for the customer' }), { target: { value: '  We do not sell cola  ' } });
    fireEvent.click(within(card()).getByRole('button', { name: 'Deny order' }));
    expect((await within(card()).findByRole('alert')).textContent).toBe('Order rejected: x-cola is not mapped to a menu item');
    expect(callsOf('resolvePlatformOrder')[0].variables.input).toEqual({
      platformOrderId: 'po-1',
      action: 'DENY',
      itemMappings: [],
      reason: 'We do not sell cola',
    });
    expect(card()).toBeTruthy();
  });

  it('says so and refreshes the queue when someone else resolved the order first', async () => {
    const { api, state, callsOf } = fakePlatformApi({ queue: [order()], dishes: [dish('Calzone'), dish('Coca-Cola')] });
    renderQueue(api);
    await within(await screen.findByRole('article', { name: 'Order SB-7F3A' })).findAllByRole('option', { name: 'Calzone' });
    const reads = callsOf('platformReviewQueue').length;

    pick('Calzone ripieno', 'Calzone');
    pick('Cola 33cl', 'Coca-Cola');
    state.queue = [];
    state.failNext = new ApiError('Platform order already resolved', 'CONFLICT');
    fireEvent.click(within(card()).getByRole('button', { name: 'Accept with these dishes' }));
    await screen.findByText('Order SB-7F3A: Platform order already resolved');
    await screen.findByText('No platform orders need review');
    expect(callsOf('platformReviewQueue').length).toBe(reads + 1);
  });

  it("shows each order's accept deadline and puts the nearest deadline first", async () => {
    const later = order({ id: 'po-2', platformOrderId: 'SB-LATER', acceptDeadline: '2026-11-20T12:09:00.000Z', createdAt: '2026-11-20T11:00:00.000Z' });
    const sooner = order({ id: 'po-3', platformOrderId: 'SB-SOON', acceptDeadline: '2026-11-20T12:04:00.000Z', createdAt: '2026-11-20T12:01:00.000Z' });
    const { api } = fakePlatformApi({ queue: [order(), later, sooner], dishes: [dish('Calzone')] });
    renderQueue(api);
    await screen.findByRole('article', { name: 'Order SB-SOON' });
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual(['Order SB-SOON', 'Order SB-LATER', 'Order SB-7F3A']);
    const deadline = within(screen.getByRole('article', { name: 'Order SB-SOON' })).getByText(/Accept or deny by/);
    expect(deadline.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-20T12:04:00.000Z');
    expect(within(card()).queryByText(/Accept or deny by/)).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Order SB-SOON' })).getByRole('heading').textContent).toContain('Sandbox Eats');
  });
});

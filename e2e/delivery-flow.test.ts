import type { Page } from 'playwright-core';
import { orderWorkflowId } from '../workflows/order-workflow';
import { loginToken, placeOrder } from './support/api';
import { PHONE, screenshot, signIn } from './support/browser';
import { cookToReady } from './support/cook';
import { e2eSuite } from './support/suite';

/**
 * A delivery end to end in real Chromium against the real stack: a phone order with an address is
 * cooked to READY, a dispatcher sends the suggested rider with one tap, the rider picks it up and
 * delivers it on a phone-sized screen, the console shows DELIVERED by itself, and the order's
 * workflow has completed.
 */
jest.setTimeout(150_000);

const suite = e2eSuite({ worker: true });

async function openAs(name: string, email: string, landing: string, viewport?: { width: number; height: number }): Promise<Page> {
  const p = await suite.page(name, { viewport });
  p.page.setDefaultTimeout(20_000);
  await signIn(p.page, suite.stack.url, { tenant: suite.stack.tenant.slug, email, password: suite.stack.password }, landing);
  return p.page;
}

it('a phone order with an address is cooked, dispatched, picked up and delivered by a rider on a phone; the console shows DELIVERED live', async () => {
  const operatorToken = await loginToken(suite.stack.url, suite.stack.tenant.slug, 'operator@demo.local', suite.stack.password);
  const orderNumber = await placeOrder(suite.stack.url, operatorToken, {
    customerName: 'Lucia Ferri',
    customerPhone: '+39 333 123 4567',
    customerAddress: 'Via Torino 12, Milano',
    items: [{ name: 'Tiramisù', quantity: 1 }],
  });
  const { id: orderId } = await suite.stack.prisma.order.findFirstOrThrow({ where: { tenantId: suite.stack.tenant.id, orderNumber }, select: { id: true } });

  // The customer calls: the operator finds the order by phone and keeps the console open.
  const op = await openAs('operator', 'operator@demo.local', '/console');
  await op.getByRole('searchbox', { name: 'Find an order by phone, name or number' }).fill('333 123 4567');
  const row = op.locator(`.console-order[data-order-number="${orderNumber}"]`);
  await row.getByTestId('delivery-line').filter({ hasText: 'no rider yet' }).waitFor();
  await op.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));

  await cookToReady(suite.stack.url, await loginToken(suite.stack.url, suite.stack.tenant.slug, 'cook@demo.local', suite.stack.password), orderId);

  // The dispatcher sends the suggested rider (the only one, free) with one tap.
  const dispatcher = await openAs('dispatcher', 'manager@demo.local', '/admin');
  await dispatcher.getByRole('link', { name: 'Dispatch', exact: true }).click();
  const card = dispatcher.locator(`.dispatch-card[data-order-number="${orderNumber}"]`);
  await card.locator('.badge', { hasText: /^ready$/ }).waitFor();
  await dispatcher.locator('.dispatch-rider[data-state="FREE"]', { hasText: 'Ahmed Haddad' }).waitFor();
  await screenshot(dispatcher, 'dispatch');
  await card.getByRole('button', { name: 'Send Ahmed Haddad (suggested)' }).click();
  await card.getByText('Assigned to').waitFor();

  // The rider's phone: their deliveries are their home screen; the address opens the maps app.
  const rider = await openAs('rider', 'rider@demo.local', '/rider', PHONE);
  const delivery = rider.locator(`.rider-card[data-order-number="${orderNumber}"]`);
  await delivery.getByTestId('delivery-state').filter({ hasText: 'ready at the pass' }).waitFor();
  expect(await delivery.getByRole('link', { name: /Via Torino 12, Milano/ }).getAttribute('href')).toBe(
    'https://maps.google.com/?q=Via%20Torino%2012%2C%20Milano',
  );
  expect(await delivery.getByRole('link', { name: /^Call/ }).getAttribute('href')).toBe('tel:+393331234567');
  // Big enough to hit with a thumb, and nothing wider than the phone.
  const button = await delivery.getByRole('button', { name: 'Picked up' }).boundingBox();
  expect(button!.height).toBeGreaterThanOrEqual(56);
  expect(await rider.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(rider, 'rider');
  await delivery.getByRole('button', { name: 'Picked up' }).click();
  await delivery
    .getByTestId('delivery-state')
    .filter({ hasText: /^out since/ })
    .waitFor();
  await row.getByTestId('order-status').filter({ hasText: 'out for delivery' }).waitFor();
  await delivery.getByRole('button', { name: 'Delivered' }).click();
  await delivery.waitFor({ state: 'detached' });
  await rider.getByText('Nothing to deliver right now').waitFor();

  // The console shows it by itself: no reload happened on the operator's page.
  await op.locator(`.console-order[data-order-number="${orderNumber}"][data-status="DELIVERED"]`).waitFor();
  expect(await row.getByTestId('order-status').textContent()).toBe('delivered');
  await row.getByTestId('delivery-line').filter({ hasText: 'delivered by Ahmed Haddad' }).waitFor();
  expect(await op.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  // The order's workflow has completed at the door.
  const run = await suite.stack.kitchen.client.workflow.getHandle(orderWorkflowId(orderId)).describe();
  expect(run.status.name).toBe('COMPLETED');
  expect(await suite.stack.kitchen.client.workflow.getHandle(orderWorkflowId(orderId)).result()).toMatchObject({ orderId, status: 'DELIVERED' });
});

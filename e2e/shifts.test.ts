import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, type E2eBrowser, type E2ePage } from './support/browser';
import { startE2eStack, type E2eStack } from './support/stack';

/**
 * Shifts in real Chromium against the real stack: a manager plans the cook at the grill in the
 * week view, the cook clocks in on the KDS and the manager's "Today" follows live; the wok, planned
 * earlier today but with nobody on now, says on its KDS screen that it takes no new tickets.
 */
jest.setTimeout(150_000);

let stack: E2eStack;
let browser: E2eBrowser;
const pages: E2ePage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startE2eStack({ worker: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});
afterEach(() => {
  // Any console error or uncaught exception in any page fails the test that caused it.
  expect(pages.flatMap((p) => p.errors.splice(0))).toEqual([]);
});

async function openAs(name: string, email: string, landing: string): Promise<Page> {
  const p = await browser.page(name);
  pages.push(p);
  p.page.setDefaultTimeout(15_000);
  await signIn(p.page, stack.url, { tenant: stack.tenant.slug, email, password: stack.password }, landing);
  return p.page;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

async function pickStation(kds: Page, name: string) {
  await kds.getByRole('button', { name: 'Change station' }).click();
  await kds.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await kds.getByRole('heading', { name, level: 1 }).waitFor();
}

it('plans the cook at the grill, who clocks in on the KDS while the manager watches Today; an unstaffed station says so', async () => {
  const manager = await openAs('manager', 'manager@demo.local', '/admin');
  await manager.getByRole('link', { name: 'Admin', exact: true }).click();
  await manager.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Shifts' }).click();
  await manager.getByRole('heading', { name: 'Shifts', level: 1 }).waitFor();

  // From an hour ago for four hours (the browser's clock is the machine's, as the server's).
  const from = new Date(Date.now() - 60 * 60_000);
  const until = new Date(from.getTime() + 4 * 60 * 60_000);
  const form = manager.getByRole('form', { name: 'Plan a shift' });
  await form.getByLabel('Who').selectOption({ label: 'Mei Chen (staff)' });
  await form.getByLabel('Where').selectOption({ label: 'Grill' });
  await form.getByLabel('Day').fill(localDate(from));
  await form.getByLabel('From').fill(localTime(from));
  await form.getByLabel('Until').fill(localTime(until));
  await form.getByRole('button', { name: 'Add shift' }).click();

  const week = manager.getByRole('table', { name: 'Shifts of the week' });
  await week
    .getByRole('row', { name: /^Grill/ })
    .getByText(/Mei Chen/)
    .waitFor();
  const today = manager.getByRole('list', { name: "Today's shifts" });
  await today.getByText('on shift, not clocked in').waitFor();

  // The same cook again over that time, elsewhere: refused, and the form says why.
  await form.getByLabel('Where').selectOption({ label: 'Wok' });
  await form.getByRole('button', { name: 'Add shift' }).click();
  await form
    .getByRole('alert')
    .getByText(/already has a shift at Grill/)
    .waitFor();

  // The wok was staffed this morning, and nobody is on it now.
  const cook = await stack.prisma.user.findFirstOrThrow({ where: { tenantId: stack.tenant.id, role: 'OPERATOR' } });
  const wok = await stack.prisma.station.findFirstOrThrow({ where: { tenantId: stack.tenant.id, name: 'Wok' } });
  await stack.prisma.shift.create({
    data: {
      tenantId: stack.tenant.id,
      userId: cook.id,
      stationId: wok.id,
      startsAt: new Date(Date.now() - 5 * 60 * 60_000),
      endsAt: new Date(Date.now() - 2 * 60 * 60_000),
    },
  });

  const kds = await openAs('cook', 'cook@demo.local', '/kds');
  await pickStation(kds, 'Grill');
  await kds.getByText('On shift here: 1').waitFor();
  await kds.getByRole('button', { name: 'Clock in' }).click();
  await kds.getByRole('button', { name: 'Clock out' }).waitFor();
  // Live: the manager's list follows the cook's tap without a reload.
  await today.getByText(/^clocked in/).waitFor();
  await screenshot(manager, 'shifts', { fullPage: true });

  await pickStation(kds, 'Wok');
  await kds
    .getByRole('status')
    .getByText(/Nobody is on shift at this station: it takes no new tickets and no shift is planned here/)
    .waitFor();
  await screenshot(kds, 'kds-unstaffed');
});

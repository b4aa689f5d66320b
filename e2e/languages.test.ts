import type { Page } from 'playwright-core';
import { signIn } from './support/browser';
import { e2eSuite } from './support/suite';

/**
 * Languages in real Chromium against the real stack: a manager switches to Italian on their account
 * page and the console and the KDS speak Italian, with Italian money and 24-hour times; then the
 * manager makes Italian the restaurant's default and a cook who never chose a language gets it.
 */
jest.setTimeout(150_000);

const suite = e2eSuite({ worker: true });

async function openAs(name: string, email: string, landing: string): Promise<Page> {
  const p = await suite.page(name);
  p.page.setDefaultTimeout(20_000);
  await signIn(p.page, suite.stack.url, { tenant: suite.stack.tenant.slug, email, password: suite.stack.password }, landing);
  return p.page;
}

const TIME = String.raw`\d{2}:\d{2}`;

it('a user who switches to Italian sees the console and KDS in Italian, and the restaurant default reaches a user without a choice', async () => {
  const manager = await openAs('manager', 'manager@demo.local', '/admin');
  const mainNav = manager.getByRole('navigation', { name: 'Main' });
  await mainNav.getByRole('link', { name: 'Phone orders' }).waitFor();

  // The account page: choosing Italian switches the whole app at once, no reload.
  await manager.goto(`${suite.stack.url}/#/account/password`);
  await manager.getByLabel('Your language').selectOption('it');
  await manager.getByRole('status').filter({ hasText: 'Lingua salvata.' }).waitFor();
  const principale = manager.getByRole('navigation', { name: 'Principale' });
  await principale.getByRole('link', { name: 'Ordini telefonici' }).click();

  // The console: Italian labels, the dish's price and the total in Italian euros, the quote in Italian 24-hour times.
  await manager.getByRole('heading', { name: 'Ordini telefonici' }).waitFor();
  const menu = manager.getByRole('searchbox', { name: 'Menu' });
  expect(await menu.getAttribute('placeholder')).toBe('Cerca piatti… (Invio aggiunge il primo)');
  await menu.fill('fries');
  await menu.press('Enter');
  const total = manager.locator('.cart__total');
  await total.waitFor();
  expect(await total.textContent()).toMatch(/^Totale \d+,\d{2}\s€$/);
  const range = manager.getByTestId('quote-range');
  await range.waitFor();
  expect(await range.textContent()).toMatch(new RegExp(`^pronto ${TIME} \\(${TIME}\\s?–\\s?${TIME}\\)$`));
  expect(await manager.getByTestId('quote-minutes').textContent()).toMatch(/^\d+ min$/);
  await manager.getByLabel('Nome del cliente').fill('Giulia');
  await manager.getByRole('radio', { name: 'Asporto' }).check();
  await manager.getByRole('button', { name: 'Inserisci ordine' }).click();
  const placed = manager.locator('.console__placed');
  await placed.waitFor();
  expect(await placed.textContent()).toMatch(new RegExp(`^Ordine #(\\d+) inserito — pronto verso le ${TIME}\\.$`));
  const orderNumber = Number(/#(\d+)/.exec((await placed.textContent()) ?? '')?.[1]);
  const row = manager.locator(`.console-order[data-order-number="${orderNumber}"]`);
  await row.getByRole('button', { name: 'Alza priorità' }).waitFor();

  // The KDS: its tabs and the expo in Italian, the order's ETA in Italian words.
  await principale.getByRole('link', { name: 'KDS' }).click();
  const tabs = manager.getByRole('navigation', { name: 'Viste del KDS' });
  await tabs.getByRole('button', { name: 'Cambia postazione' }).waitFor();
  await manager.getByRole('heading', { name: 'A quale postazione si trova questo schermo?' }).waitFor();
  await tabs.getByRole('button', { name: 'Pass' }).click();
  const card = manager.getByRole('region', { name: `Ordine ${orderNumber}` });
  await card.getByRole('button', { name: 'Stampa' }).waitFor();
  expect(await card.locator('.expo-order__eta').textContent()).toMatch(/^(tra \d+ min|ora|\d+ min di ritardo|stima in corso…)$/);
  expect(await card.locator('.expo-task__status').first().textContent()).toMatch(/^(non ancora|in attesa|in cottura|fatto|nessuna postazione)$/);

  // The restaurant's default, set on the stations page: a cook who never chose sees Italian from sign-in on.
  await manager.goto(`${suite.stack.url}/#/admin/stations`);
  const defaultLanguage = manager.getByLabel('Lingua predefinita del ristorante');
  expect(await defaultLanguage.inputValue()).toBe('en');
  await defaultLanguage.selectOption('it');
  await manager.waitForFunction(() => (document.querySelector('select[name="tenantLocale"]') as HTMLSelectElement | null)?.disabled === false);
  const cook = await openAs('cook', 'cook@demo.local', '/kds');
  await cook.getByRole('heading', { name: 'A quale postazione si trova questo schermo?' }).waitFor();
  await cook.getByRole('navigation', { name: 'Principale' }).waitFor();
  expect(await cook.getByRole('button', { name: 'Esci' }).count()).toBe(1);
});

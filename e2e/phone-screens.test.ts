import type { Page } from 'playwright-core';
import { PHONE, screenshot, signIn } from './support/browser';
import { e2eSuite } from './support/suite';

/**
 * Brigade on a 390×844 phone in real Chromium against the real stack: the top bar folds into a
 * Menu panel that navigates, the console takes an order, the admin pages fit the width (their
 * tables scroll in their own box), and the designer says it needs a larger screen.
 */
jest.setTimeout(150_000);

const suite = e2eSuite({ worker: true });

/** How wide the page itself is, and (to say why) the innermost elements sticking out past the phone's edge. */
const sideways = (page: Page) =>
  page.evaluate((width) => {
    const clipped = (el: Element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const inScroller = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (clipped(up)) return true;
      return false;
    };
    // The innermost: what pushes the page out, rather than every box around it.
    const wide = [...document.querySelectorAll('body *')]
      // A scroller only clips what it contains; an absolutely placed box may belong to a box outside it.
      .filter((el) => sticksOut(el) && (!inScroller(el) || getComputedStyle(el).position === 'absolute'))
      .filter((el) => clipped(el) || ![...el.children].some(sticksOut))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  }, PHONE.width);

/** The page at rest: its heading shown and nothing left loading. */
async function settled(page: Page, heading: string) {
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.waitForFunction(() => document.querySelector('.state--loading, .spinner') === null);
}

async function expectFits(page: Page, what: string) {
  const { scrollWidth, wide } = await sideways(page);
  expect({ what, overflow: scrollWidth > PHONE.width ? { scrollWidth, wide } : null }).toEqual({ what, overflow: null });
}

it('folds the nav into a Menu on a phone, takes an order in the console, fits every admin page and turns the designer into a notice', async () => {
  const { page } = await suite.page('admin', { viewport: PHONE });
  page.setDefaultTimeout(15_000);
  await signIn(page, suite.stack.url, { tenant: suite.stack.tenant.slug, email: 'admin@demo.local', password: suite.stack.password }, '/admin');
  await settled(page, 'Dashboard');
  await expectFits(page, 'dashboard');

  // The main nav waits behind the Menu button.
  const menu = page.getByRole('button', { name: 'Menu' });
  const mainNav = page.getByRole('navigation', { name: 'Main' });
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  expect(await mainNav.isVisible()).toBe(false);
  await menu.click();
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  await mainNav.waitFor();
  await screenshot(page, 'phone-menu');
  // Escape closes it and hands the focus back to the button.
  await page.keyboard.press('Escape');
  await mainNav.waitFor({ state: 'hidden' });
  expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
  // Opened from the keyboard, a link followed from it navigates and closes it.
  await page.keyboard.press('Enter');
  await mainNav.getByRole('link', { name: 'Phone orders' }).click();
  await page.waitForURL('**/#/console');
  await mainNav.waitFor({ state: 'hidden' });
  expect(await menu.getAttribute('aria-expanded')).toBe('false');

  // The console's whole flow at this size: find a dish, fill the customer in, place the order.
  await settled(page, 'Phone orders');
  await expectFits(page, 'console');
  await page.getByRole('searchbox', { name: 'Menu' }).fill('tiram');
  await page.getByRole('searchbox', { name: 'Menu' }).press('Enter');
  await page.getByTestId('quote-minutes').waitFor();
  await page.getByLabel('Customer name').fill('Anna Bianchi');
  await page.getByLabel('Phone', { exact: true }).fill('+39 347 555 0101');
  await page.locator('.quote:not(.quote--updating)').waitFor();
  await expectFits(page, 'console with an order');
  await screenshot(page, 'phone-console');
  await page.getByRole('button', { name: 'Place order' }).click();
  const placed = await page.locator('.console__placed').textContent();
  const orderNumber = Number(/#(\d+)/.exec(placed ?? '')?.[1]);
  expect(orderNumber).toBeGreaterThan(0);
  await page.locator(`.console-order[data-order-number="${orderNumber}"]`).waitFor();
  await expectFits(page, 'console after the order');

  // Every admin page fits; the Admin tabs are reached through the Menu.
  await menu.click();
  await mainNav.getByRole('link', { name: 'Admin', exact: true }).click();
  const tabs = page.getByRole('navigation', { name: 'Admin' });
  const pages: Array<[tab: string, heading: string]> = [
    ['Menu', 'Menu'],
    ['Inventory', 'Inventory'],
    ['Stations', 'Stations'],
    ['Users', 'Users and roles'],
    ['Shifts', 'Shifts'],
  ];
  for (const [tab, heading] of pages) {
    await tabs.getByRole('link', { name: tab, exact: true }).click();
    await settled(page, heading);
    await expectFits(page, heading);
  }

  // The designer on a phone: the notice, and the recipe to read.
  await menu.click();
  await mainNav.getByRole('link', { name: 'Recipes' }).click();
  await settled(page, 'Recipes');
  await expectFits(page, 'recipes');
  await page.locator('.table a[href^="#/designer/"]').first().click();
  await page.getByText(/The recipe designer needs a larger screen \(at least \d+ px wide\)/).waitFor();
  expect(await page.locator('.react-flow').count()).toBe(0);
  expect(await page.locator('.designer-narrow li').count()).toBeGreaterThan(0);
  await expectFits(page, 'designer');
});

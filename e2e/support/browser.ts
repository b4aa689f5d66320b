import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './stack';

/**
 * Debian's Chromium driven by playwright-core (see ENVIRONMENT.md: nothing can be downloaded
 * here). Every page records console errors and uncaught exceptions; tests assert there were none.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TABLET = { width: 1280, height: 800 };
/** A rider's phone. */
export const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

export interface E2eBrowser {
  browser: Browser;
  /** A fresh context (own storage, own session) at tablet size, or the size given. */
  page(name: string, opts?: { viewport?: { width: number; height: number } }): Promise<E2ePage>;
  close(): Promise<void>;
}

export interface E2ePage {
  page: Page;
  context: BrowserContext;
  /** "<name>: <message>" for every console error and page error so far. */
  errors: string[];
}

export async function launchBrowser(): Promise<E2eBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async page(name, opts = {}) {
      const context = await browser.newContext({
        viewport: opts.viewport ?? TABLET,
        deviceScaleFactor: 1,
        locale: 'en-GB',
        timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${name}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`));
      // Named, whatever Chromium prints for it: anything the Content-Security-Policy blocked.
      await page.exposeFunction('reportCspViolation', (text: string) => errors.push(`${name}: CSP violation: ${text}`));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`),
        ),
      );
      return { page, context, errors };
    },
    async close() {
      await browser.close();
    },
  };
}

/** Signs in through the login form and waits for the role's landing screen. */
export async function signIn(page: Page, url: string, login: { tenant: string; email: string; password: string }, landing: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('Restaurant').fill(login.tenant);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/#${landing}`);
}

/** A README screenshot of what the page shows now (PNG, 1280×800, no retina scaling: small files). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Blinking carets, focus rings and hover states differ from run to run for no reason.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, (page.viewportSize() ?? TABLET).height - 1);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), caret: 'hide', animations: 'disabled', fullPage: opts.fullPage ?? false });
}

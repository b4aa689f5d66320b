import type { E2ePage, E2eBrowser } from './browser';
import { launchBrowser } from './browser';
import { startE2eStack, type E2eStack } from './stack';

export interface E2eSuite {
  readonly stack: E2eStack;
  readonly browser: E2eBrowser;
  /** A page whose console errors and uncaught exceptions fail the test that caused them. */
  page(name: string, opts?: Parameters<E2eBrowser['page']>[1]): Promise<E2ePage>;
}

/**
 * One browser suite against the real stack, started once for the file: the stack and Chromium
 * side by side, both stopped after, and every test failed by an error in any page it opened.
 */
export function e2eSuite(opts: Parameters<typeof startE2eStack>[0]): E2eSuite {
  let stack: E2eStack | undefined;
  let browser: E2eBrowser | undefined;
  const pages: E2ePage[] = [];
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startE2eStack(opts), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  afterEach(() => {
    const errors = pages.flatMap((p) => p.errors.splice(0));
    expect(errors).toEqual([]);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the e2e suite is used before its beforeAll ran');
    return value;
  };
  return {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
    async page(name, pageOpts) {
      const p = await started(browser).page(name, pageOpts);
      pages.push(p);
      return p;
    },
  };
}

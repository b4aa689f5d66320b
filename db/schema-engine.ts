import fs from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { migrationAdapters } from './migration-adapter';
import { errorMessage } from '../contracts/errors';

/**
 * Prisma's own schema engine, compiled to WebAssembly, so migrations run offline (the CLI would
 * download a native engine). The package entry imports the .wasm as an ES module, which needs
 * `--experimental-wasm-modules`; we instantiate the wasm ourselves against its JS glue instead.
 * The glue is evaluated in the caller's realm rather than loaded by Node: under Jest, objects
 * from the driver adapter (promises, arrays) must pass the glue's `instanceof` checks. One
 * instantiation per process: the glue keeps the instance in a module-level variable.
 */
type Glue = typeof import('@prisma/schema-engine-wasm') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let glue: Promise<Glue> | undefined;

/** Where the engine writes a Rust panic's message before it aborts (the Prisma CLI installs one too). */
const panics = ((globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message: string } }).PRISMA_WASM_PANIC_REGISTRY ??= {
  message: '',
  set_message(this: { message: string }, message: string) {
    this.message = message;
  },
} as { message: string });

/** The glue is a plain ES module of `export function|class` declarations and no imports. */
export function evaluateGlue(source: string): Glue {
  if (/^\s*import\s/m.test(source)) throw new Error('Unexpected import in schema_engine_bg.js: update db/schema-engine.ts');
  const names = [...source.matchAll(/^export (?:function|class|const|let) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  if (!names.includes('SchemaEngine') || !names.includes('__wbg_set_wasm')) {
    throw new Error('Unexpected schema_engine_bg.js layout: update db/schema-engine.ts');
  }
  const body = `"use strict";\n${source.replace(/^export /gm, '')}\nreturn { ${names.join(', ')} };`;
  // The engine leaves a timer pending after it is freed (seen: ~10 s), which kept scripts and
  // Jest alive for nothing. Its timers are unref'd: pending queries hold their sockets anyway.
  const unrefSetTimeout = (fn: () => void, ms: number) => {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return timer;
  };
  return new Function('setTimeout', body)(unrefSetTimeout) as Glue;
}

function loadGlue(): Promise<Glue> {
  glue ??= (async () => {
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = evaluateGlue(await fs.promises.readFile(gluePath, 'utf8'));
    const bytes = await fs.promises.readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  glue.catch(() => (glue = undefined));
  return glue;
}

/**
 * Runs `fn` with an engine connected to `databaseUrl`, then frees it and every connection it
 * opened; errors carry what the database said (see engineError).
 */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadGlue();
  const logs: string[] = [];
  const adapters = migrationAdapters(databaseUrl);
  const factory = bindMigrationAwareSqlAdapterFactory(adapters.factory);
  const engine = await SchemaEngine.new({ datamodels: undefined }, (line: string) => logs.push(line), factory);
  try {
    return await fn(engine);
  } catch (err) {
    throw engineError(err, logs, factory.errorRegistry);
  } finally {
    engine.free();
    await adapters.dispose();
  }
}

/**
 * The engine reports database errors as "External error id#N"; the driver's own error (what
 * PostgreSQL said) waits in the factory's registry under that id. Panics leave their message
 * in the panic registry. Both go into the message, with the engine's recent log lines.
 */
function engineError(err: unknown, logs: string[], registry: ErrorRegistry): Error {
  let message = errorMessage(err);
  for (const [, id] of message.matchAll(/External error id#(\d+)/g)) {
    const cause = registry.consumeError(Number(id))?.error as { message?: string } | undefined;
    if (cause?.message) message = `${cause.message}\n${message}`;
  }
  if (panics.message) message += `\nschema engine panicked: ${panics.message}`;
  panics.message = '';
  const tail = logs.length ? `\n--- schema engine log ---\n${logs.slice(-20).join('\n')}` : '';
  return new Error(`${message}${tail}`, { cause: err });
}

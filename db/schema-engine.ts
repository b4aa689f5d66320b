import fs from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { migrationAdapters } from './migration-adapter';
import { nativeRequire } from './native-require';

/**
 * Prisma's own schema engine, compiled to WebAssembly, so migrations run offline (the CLI would
 * download a native engine). The package entry imports the .wasm as an ES module, which needs
 * `--experimental-wasm-modules`; we instantiate the wasm ourselves against its JS glue instead,
 * so this works under plain node, tsx and Jest. The glue keeps the instance in a module-level
 * variable, hence one instantiation per process.
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

function loadGlue(): Promise<Glue> {
  glue ??= (async () => {
    const bgPath = nativeRequire.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = nativeRequire(bgPath) as Glue;
    const bytes = await fs.promises.readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
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
 * opened. The engine's own log lines are appended to any error, so a failed migration says what
 * the database said.
 */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadGlue();
  const logs: string[] = [];
  const adapters = migrationAdapters(databaseUrl);
  const engine = await SchemaEngine.new(
    { datamodels: undefined },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(adapters.factory),
  );
  try {
    return await fn(engine);
  } catch (err) {
    const panic = panics.message ? `\nschema engine panicked: ${panics.message}` : '';
    panics.message = '';
    const message = (err instanceof Error ? err.message : String(err)) + panic;
    const tail = logs.length ? `\n--- schema engine log ---\n${logs.slice(-20).join('\n')}` : '';
    throw new Error(`${message}${tail}`, { cause: err });
  } finally {
    engine.free();
    await adapters.dispose();
  }
}

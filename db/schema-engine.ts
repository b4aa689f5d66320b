import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
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

export type EngineLog = string[];

/**
 * Runs `fn` with an engine connected to `databaseUrl`, then frees it. The engine's own log lines
 * are kept and appended to any error, so a failed migration says what the database said.
 */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadGlue();
  const logs: EngineLog = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pgConfig(databaseUrl)));
  const engine = await SchemaEngine.new({ datamodels: undefined }, (line: string) => logs.push(line), adapter);
  try {
    return await fn(engine);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const tail = logs.length ? `\n--- schema engine log ---\n${logs.slice(-20).join('\n')}` : '';
    throw new Error(`${message}${tail}`, { cause: err });
  } finally {
    engine.free();
  }
}

/**
 * Discrete pg options rather than `connectionString`: PrismaPg opens the shadow database (used by
 * diffs from the migrations folder) by overriding `database`, which pg ignores when a
 * connection string is present, so the "shadow" would silently be the main database.
 */
function pgConfig(databaseUrl: string): Record<string, unknown> {
  const requireFromPg = createRequire(nativeRequire.resolve('pg'));
  const { parse } = requireFromPg('pg-connection-string') as { parse(url: string): Record<string, unknown> };
  const config = parse(databaseUrl);
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined && v !== null));
}

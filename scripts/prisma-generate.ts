/**
 * `prisma generate`, offline and only when needed (npm scripts run it before start/test/typecheck).
 *
 * The Prisma CLI insists on locating its native schema engine, downloading it when missing, even
 * though `generate` never runs it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file
 * satisfies that check; ours is a stub that explains itself should anything ever execute it
 * (migrations go through db/migrate.ts instead).
 *
 * Skipped when prisma/generated was built from the same schema with the same Prisma version
 * (a content hash, not mtimes: a git checkout touches files without changing them).
 * `--force` regenerates regardless.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../contracts/errors';

const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
const GENERATED = path.join(ROOT, 'prisma', 'generated');
const STAMP = path.join(GENERATED, '.schema-hash');
const STUB = path.join(ROOT, 'node_modules', '.cache', 'brigade', 'schema-engine-offline-stub');

function inputsHash(): string {
  const prismaVersion = (JSON.parse(fs.readFileSync(require.resolve('prisma/package.json'), 'utf8')) as { version: string }).version;
  const config = path.join(ROOT, 'prisma.config.ts');
  return createHash('sha256')
    .update(fs.readFileSync(SCHEMA))
    .update(fs.existsSync(config) ? fs.readFileSync(config) : '')
    .update(prismaVersion)
    .digest('hex');
}

function engineStub(): string {
  if (!fs.existsSync(STUB)) {
    fs.mkdirSync(path.dirname(STUB), { recursive: true });
    const script = '#!/bin/sh\necho "Offline stub: Brigade migrates with db/migrate.ts (npm run db:migrate)." >&2\nexit 1\n';
    fs.writeFileSync(STUB, script, { mode: 0o755 });
  }
  return STUB;
}

export function prismaGenerate(opts: { force?: boolean; log?: (m: string) => void } = {}): 'generated' | 'up-to-date' {
  const log = opts.log ?? console.log;
  const hash = inputsHash();
  const current = fs.existsSync(STAMP) && fs.existsSync(path.join(GENERATED, 'client.ts'));
  if (!opts.force && current && fs.readFileSync(STAMP, 'utf8').trim() === hash) {
    log('prisma generate: up to date');
    return 'up-to-date';
  }
  const started = Date.now();
  const cli = require.resolve('prisma/build/index.js');
  const result = spawnSync(process.execPath, [cli, 'generate'], {
    cwd: ROOT,
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engineStub(), PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`prisma generate failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  fs.writeFileSync(STAMP, `${hash}\n`);
  log(`prisma generate: done in ${Date.now() - started} ms`);
  return 'generated';
}

if (require.main === module) {
  try {
    prismaGenerate({ force: process.argv.includes('--force') });
  } catch (err) {
    console.error(errorMessage(err));
    process.exit(1);
  }
}

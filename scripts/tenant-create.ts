/**
 * `npm run tenant:create -- --name "Trattoria Mario" --slug trattoria-mario --owner-email mario@example.com --time-zone Europe/Rome`
 * creates a new, empty restaurant and its owner, and prints the owner's one-time link (72 hours)
 * to set a password. Uses DATABASE_URL, else the embedded PostgreSQL (`npm start`'s, if running).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError, type AppError } from '../contracts/errors';
import { loadEnv, type Env } from '../config/env';
import { createPrisma } from '../db/client';
import { embeddedPostgresUrl } from '../db/embedded-postgres';
import { isProcessAlive, readPostmasterPid } from '../db/pg-lockfile';
import { createTenant } from '../core/tenants/create-tenant';
import { ACCESS_LINK_TTL_HOURS } from '../core/auth/access-links';
import { prepareDatabase } from './prepare-database';

/** The flag of each input field, so an error names what the operator typed. */
const FLAGS = { name: '--name', slug: '--slug', ownerEmail: '--owner-email', ownerName: '--owner-name', timeZone: '--time-zone' } as const;
const OPTIONS = {
  name: { type: 'string' },
  slug: { type: 'string' },
  'owner-email': { type: 'string' },
  'owner-name': { type: 'string' },
  'time-zone': { type: 'string' },
  'base-url': { type: 'string' },
  help: { type: 'boolean' },
} as const;
const REQUIRED = ['name', 'slug', 'owner-email', 'time-zone'] as const;
const USAGE = `usage: npm run tenant:create -- --name "<restaurant>" --slug <code> --owner-email <email> --time-zone <IANA zone> [--owner-name "<name>"] [--base-url <url>]`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command; returns the exit code (0 created, 1 refused, 2 usage). */
export async function main(argv: string[], io: Io, env: Env = loadEnv()): Promise<number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (err) {
    io.err(`tenant:create: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const missing = REQUIRED.filter((flag) => !values[flag]);
  if (missing.length) {
    io.err(`tenant:create: missing ${missing.map((f) => `--${f}`).join(', ')}\n${USAGE}`);
    return 2;
  }
  const input = {
    name: values.name,
    slug: values.slug,
    ownerEmail: values['owner-email'],
    ownerName: values['owner-name'],
    timeZone: values['time-zone'],
  };
  const db = await openDatabase(env, io);
  const prisma = createPrisma(db.url, { max: 2 });
  try {
    const created = await createTenant({ prisma, input, via: 'cli' });
    const base = (values['base-url'] ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    io.out(`Created restaurant "${created.tenant.name}": sign-in code ${created.tenant.slug}, time zone ${input.timeZone}.`);
    io.out(`Owner ${created.owner.email}: open this link once, within ${ACCESS_LINK_TTL_HOURS.invite} hours, to set the password and sign in:`);
    io.out(`  ${base}/#/welcome/${created.token}`);
    return 0;
  } catch (err) {
    if (!isAppError(err)) throw err;
    io.err(`tenant:create: ${err.code}: ${describe(err)}`);
    return 1;
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
}

/** Each field error with the flag it came from: "--time-zone must be an IANA time zone such as Europe/Rome". */
function describe(err: AppError): string {
  const fieldErrors = (err.details?.fieldErrors ?? []) as { path: string; message: string }[];
  if (!fieldErrors.length) return err.message;
  return fieldErrors.map((f) => `${FLAGS[f.path as keyof typeof FLAGS] ?? f.path} ${f.message}`).join('; ');
}

async function openDatabase(env: Env, io: Io): Promise<{ url: string; stop(): Promise<void> }> {
  const none = async () => undefined;
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: none };
  const pid = readPostmasterPid(path.join(env.DATA_DIR, 'postgres'));
  // `npm start` is running: its server owns the data directory, so use it instead of starting another.
  if (pid && isProcessAlive(pid)) return { url: embeddedPostgresUrl(env.EMBEDDED_PG_PORT), stop: none };
  return prepareDatabase({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, seed: false, log: io.err });
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) })
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

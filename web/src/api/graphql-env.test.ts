import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * graphql-env.d.ts is what gql.tada infers every document's types from, so a copy older than
 * schema.graphql would type the app against an API that no longer exists. The gql.tada CLI (the
 * tool that wrote the committed copy, with web/tsconfig.json's plugin settings) regenerates it
 * here and the two must be identical.
 */
const WEB = join(__dirname, '..', '..');
const TSCONFIG = join(WEB, 'tsconfig.json');
const COMMITTED = join(__dirname, 'graphql-env.d.ts');
const CLI = join(dirname(require.resolve('gql.tada/package.json')), 'bin', 'cli.js');
const REGENERATE = 'npx gql-tada generate-output -c web/tsconfig.json';

const run = promisify(execFile);
const gqlTada = (...args: string[]) => run(process.execPath, [CLI, ...args], { cwd: WEB, encoding: 'utf8' });

// Starting the CLI (for `check`, a TypeScript program too) takes seconds; on a busy machine that can pass Jest's 5 s default.
jest.setTimeout(60_000);

it('graphql-env.d.ts matches what gql.tada generates from schema.graphql', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'graphql-env-'));
  try {
    const fresh = join(dir, 'graphql-env.d.ts');
    await gqlTada('generate-output', '-c', TSCONFIG, '-o', fresh);
    const [expected, committed] = await Promise.all([readFile(fresh, 'utf8'), readFile(COMMITTED, 'utf8')]);
    if (committed !== expected) {
      throw new Error(`web/src/api/graphql-env.d.ts is out of date with schema.graphql: run \`${REGENERATE}\` and commit the result`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * The inferred types turn a selection the schema lacks into `unknown`, which only fails where it is
 * used as something specific; `gql-tada check` validates every document against the schema itself.
 */
it('every GraphQL document of the web app is valid against schema.graphql', async () => {
  const { stdout, stderr } = await gqlTada('check', '-c', TSCONFIG).catch((err: { stdout?: string; stderr?: string }) => {
    throw new Error(`gql-tada check found problems:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  });
  expect(`${stdout}${stderr}`).toContain('No problems found');
});

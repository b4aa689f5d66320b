import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTemporalBinary } from './binary';

// Fake executables are fine here: these tests are about where we look, not about Temporal.
describe('resolveTemporalBinary', () => {
  let dir: string;
  const quiet = { log: () => undefined, allowGoInstall: false, allowSdkDownload: false };

  async function fakeExecutable(rel: string, mode = 0o755): Promise<string> {
    const file = path.join(dir, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '#!/bin/sh\necho fake temporal\n', { mode });
    return file;
  }

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'brigade-temporal-binary-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('prefers TEMPORAL_CLI_PATH over a temporal on PATH and a cached build', async () => {
    const explicit = await fakeExecutable('explicit/temporal');
    await fakeExecutable('on-path/temporal');
    await fakeExecutable('data/bin/temporal');
    const found = await resolveTemporalBinary({
      ...quiet,
      cliPath: explicit,
      searchPath: path.join(dir, 'on-path'),
      dataDir: path.join(dir, 'data'),
    });
    expect(found).toEqual({ path: explicit, source: 'TEMPORAL_CLI_PATH' });
  });

  it('uses the first executable temporal on PATH before any cache, skipping non-executable files', async () => {
    await fakeExecutable('not-exec/temporal', 0o644);
    const onPath = await fakeExecutable('on-path/temporal');
    await fakeExecutable('data/bin/temporal');
    const found = await resolveTemporalBinary({
      ...quiet,
      cliPath: '',
      searchPath: [path.join(dir, 'empty'), path.join(dir, 'not-exec'), path.join(dir, 'on-path')].join(path.delimiter),
      dataDir: path.join(dir, 'data'),
    });
    expect(found).toEqual({ path: onPath, source: 'PATH' });
  });

  it('falls back to the build cached in DATA_DIR/bin on a machine without Go', async () => {
    const cached = await fakeExecutable('data/bin/temporal');
    const found = await resolveTemporalBinary({
      ...quiet,
      cliPath: '',
      searchPath: '',
      dataDir: path.join(dir, 'data'),
      goCommand: path.join(dir, 'no-such-go'),
    });
    expect(found).toEqual({ path: cached, source: 'cache' });
  });

  it('rejects a TEMPORAL_CLI_PATH that is not executable instead of silently using another binary', async () => {
    const notExec = await fakeExecutable('explicit/temporal', 0o644);
    await fakeExecutable('on-path/temporal');
    await expect(resolveTemporalBinary({ ...quiet, cliPath: notExec, searchPath: path.join(dir, 'on-path'), dataDir: dir })).rejects.toThrow(
      /TEMPORAL_CLI_PATH=.*not executable/,
    );
  });

  it('explains every way it tried when none works', async () => {
    const attempt = resolveTemporalBinary({
      ...quiet,
      allowGoInstall: true, // allowed, but there is no Go to run it with
      cliPath: '',
      searchPath: path.join(dir, 'empty'),
      dataDir: path.join(dir, 'data'),
      goCommand: path.join(dir, 'no-such-go'),
    });
    await expect(attempt).rejects.toThrow(/TEMPORAL_CLI_PATH: not set/);
    const message = await attempt.catch((err: Error) => err.message);
    expect(message).toMatch(/PATH: no executable "temporal"/);
    expect(message).toMatch(/cache \$\(go env GOPATH\)\/bin: ".*no-such-go" not found/);
    expect(message).toMatch(/cache .*data\/bin\/temporal: does not exist/);
    expect(message).toMatch(/go install: ".*no-such-go" not found/);
    expect(message).toMatch(/sdk-download: disabled by caller/);
  });
});

import { fork, type ChildProcess } from 'node:child_process';

/**
 * The bench's child processes (a Brigade role, a no-op worker, the memory worker) speak over the
 * IPC channel: `{ type, ... }` messages one way or the other, and `{ type: 'stop' }` asks for a
 * graceful shutdown.
 */
export interface Message {
  type: string;
}

export function forkChild(script: string, opts: { env: NodeJS.ProcessEnv; execArgv?: string[]; args?: string[] }): ChildProcess {
  return fork(script, opts.args ?? [], {
    execArgv: [...(opts.execArgv ?? []), '--import', 'tsx'],
    env: opts.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Sends `message` (if any) and resolves with the child's first message of `type`. */
export function reply<T>(child: ChildProcess, message: object | null, type: string, timeoutMs: number, name = 'child'): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${name}: no "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (msg: Message) => {
      if (msg.type !== type) return;
      done();
      resolve(msg as T);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${name} exited with ${code}`));
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    if (message) child.send(message);
  });
}

/** A graceful shutdown (no "connection closed" warnings), killed if it takes too long. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' });
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

import type { AddressInfo } from 'node:net';
import type { Env } from '../config/env';
import type { Db } from '../db/client';
import { buildApp } from './app';
import type { TemporalHandle } from './health';

export interface StartApiServerOptions {
  prisma: Db;
  env: Env;
  temporal: TemporalHandle | null;
  /** 0 → a free port (tests). Defaults to env.PORT. */
  port?: number;
  /** Defaults to env.HOST. */
  host?: string;
  webDist?: string;
}

export interface RunningApiServer {
  /** e.g. http://127.0.0.1:4000 — loopback when bound to all interfaces, so it is clickable. */
  url: string;
  /** Sockets first (so clients see a clean disconnect), then the http server and the adapter pool. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 5_000;

/** The only place that listens. Prisma and the Temporal client belong to the caller. */
export async function startApiServer(options: StartApiServerOptions): Promise<RunningApiServer> {
  const { env } = options;
  const built = await buildApp({ prisma: options.prisma, env, temporal: options.temporal, webDist: options.webDist });
  const { httpServer } = built;
  const host = options.host ?? env.HOST;

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? env.PORT, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await built.close();
    throw err;
  }

  const { port } = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    close() {
      closing ??= (async () => {
        // io.close() also stops the http server, which then waits for open connections: idle
        // keep-alive ones are closed now, requests still running get a grace period.
        const force = setTimeout(() => httpServer.closeAllConnections(), CLOSE_GRACE_MS);
        const done = built.close();
        httpServer.closeIdleConnections();
        try {
          await done;
        } finally {
          clearTimeout(force);
        }
      })();
      return closing;
    },
  };
}

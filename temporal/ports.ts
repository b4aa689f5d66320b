import net from 'node:net';

/**
 * Asks the OS for a free port. The port is released before the server binds it, so another
 * process could grab it in between; the dev server then fails fast with "address in use",
 * which is acceptable for tests and local runs.
 */
export function getFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true once something accepts TCP connections on host:port (cheap readiness pre-check). */
export function isPortOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * A free port in [min, max], tried at random: for servers that cannot take the OS's pick, which
 * on Linux lies in 32768–60999 (Temporal stores membership ports in a SMALLINT, max 32767).
 */
export async function getFreePortInRange(min: number, max: number, host = '127.0.0.1', attempts = 50): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const port = min + Math.floor(Math.random() * (max - min + 1));
    if (await canBind(host, port)) return port;
  }
  throw new Error(`no free port in ${min}-${max} on ${host} after ${attempts} attempts`);
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

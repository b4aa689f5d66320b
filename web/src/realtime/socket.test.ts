import { Server } from 'socket.io';
import { createRealtime, type ConnectionStatus, type Realtime } from './socket';

/**
 * A real Socket.io server on a random port with the API's handshake contract: it accepts only the
 * current token and rejects others as `connect_error` with data.code UNAUTHENTICATED
 * (api/realtime/handshake-auth.ts), and answers each connection with `realtime:resume`
 * (api/realtime/resume.ts), saying whether it could replay what the client missed. The JWT itself
 * is not the point here, so tokens are plain strings.
 */
function startServer() {
  const state = { validToken: 'token-1', seq: 0, replayable: true, handshakes: [] as Array<Record<string, unknown>> };
  const io = new Server({ serveClient: false });
  io.on('connection', (socket) => {
    state.handshakes.push(socket.handshake.auth);
    socket.emit('realtime:resume', { seq: state.seq, complete: state.replayable });
  });
  io.use((socket, next) => {
    if (socket.handshake.auth.token === state.validToken) return next();
    const err = new Error('UNAUTHENTICATED: Token expired') as Error & { data?: unknown };
    err.data = { code: 'UNAUTHENTICATED' };
    next(err);
  });
  io.listen(0);
  const address = io.httpServer.address() as { port: number };
  return { io, state, url: `http://127.0.0.1:${address.port}` };
}

function waitForStatus(rt: Realtime, want: ConnectionStatus): Promise<void> {
  return new Promise((resolve) => {
    if (rt.getStatus() === want) return resolve();
    const stop = rt.subscribe(() => {
      if (rt.getStatus() === want) {
        stop();
        resolve();
      }
    });
  });
}

describe('realtime connection', () => {
  let server: ReturnType<typeof startServer>;
  let rt: Realtime | undefined;

  beforeEach(() => {
    server = startServer();
  });
  afterEach(async () => {
    rt?.close();
    await server.io.close();
  });

  it('refreshes a rejected token and connects with the new one', async () => {
    let token = 'stale';
    let refreshes = 0;
    rt = createRealtime({
      url: server.url,
      getToken: async () => token,
      refresh: async () => {
        refreshes++;
        token = server.state.validToken;
        return { accessToken: token };
      },
    });
    await waitForStatus(rt, 'connected');
    expect(refreshes).toBe(1);
  });

  it('reconnects after the server cuts the socket at token expiry, and asks screens to re-sync when the server cannot replay', async () => {
    let token = server.state.validToken;
    rt = createRealtime({
      url: server.url,
      getToken: async () => token,
      refresh: async () => {
        server.state.validToken = 'token-2';
        token = 'token-2';
        return { accessToken: token };
      },
    });
    await waitForStatus(rt, 'connected');
    const resynced = new Promise<void>((resolve) => rt!.onResync(resolve));

    server.state.validToken = 'token-2';
    server.state.replayable = false;
    server.io.disconnectSockets(true);
    await resynced;
    expect(rt.getStatus()).toBe('connected');
  });

  it('resumes from the last event it saw, and hands each seq to the screens once', async () => {
    rt = createRealtime({ url: server.url, getToken: async () => server.state.validToken, refresh: async () => ({}) });
    await waitForStatus(rt, 'connected');
    const received: string[] = [];
    rt.live.on('delivery:updated', (payload) => received.push(payload.deliveryId));
    let resyncs = 0;
    rt.onResync(() => resyncs++);
    const arrived = new Promise<void>((resolve) =>
      rt!.live.on('delivery:updated', (payload) => {
        if (payload.deliveryId === 'last') resolve();
      }),
    );
    // 7 arrives twice (live, and replayed after a reconnect); 6 comes late but is new.
    for (const [deliveryId, seq] of [
      ['a', 5],
      ['b', 7],
      ['b-again', 7],
      ['c', 6],
      ['last', 8],
    ] as const) {
      server.io.emit('delivery:updated', { deliveryId, status: 'assigned' }, { seq });
    }
    await arrived;
    expect(received).toEqual(['a', 'b', 'c', 'last']);

    const back = new Promise<void>((resolve) => rt!.socket.io.once('reconnect', () => resolve()));
    server.io.engine.close();
    await back;
    await waitForStatus(rt, 'connected');
    expect(server.state.handshakes.at(-1)).toEqual({ token: server.state.validToken, lastSeq: 8 });
    expect(resyncs).toBe(0); // everything missed is replayed: no refetch
  });

  it('gives up with "unauthorized" when the session cannot be refreshed', async () => {
    rt = createRealtime({ url: server.url, getToken: async () => 'stale', refresh: async () => null });
    await waitForStatus(rt, 'unauthorized');
  });

  it('reports reconnecting while the server is gone', async () => {
    rt = createRealtime({ url: server.url, getToken: async () => server.state.validToken, refresh: async () => ({}) });
    await waitForStatus(rt, 'connected');
    server.io.engine.close();
    await waitForStatus(rt, 'reconnecting');
  });
});

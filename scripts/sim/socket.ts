import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/socket-events';
import type { ApiClient } from './api-client';

export type BrigadeClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A Socket.io client like a KDS screen: the access token in the handshake, the station rooms
 * (re)joined on every connect. The server disconnects a socket when its token expires; we
 * reconnect with a fresh one (`auth` as a function is asked again on each attempt).
 */
export async function connectSocket(api: ApiClient, stationIds: string[] = []): Promise<BrigadeClientSocket> {
  const socket: BrigadeClientSocket = io(api.baseUrl, {
    transports: ['websocket'],
    auth: (cb) => void api.accessToken().then((token) => cb({ token })),
    reconnectionDelay: 200,
  });
  const joinAll = () =>
    Promise.all(
      stationIds.map(
        (stationId) =>
          new Promise<void>((resolve, reject) =>
            socket.timeout(5_000).emit('join_station', { stationId }, (err, ack) => {
              if (err) return reject(err);
              if (!ack.ok) return reject(new Error(`join_station ${stationId}: ${ack.error}`));
              resolve();
            }),
          ),
      ),
    );
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') socket.connect();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Socket.io: no connection to ${api.baseUrl} within 10 s`)), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(new Error(`Socket.io connect failed: ${err.message}`));
    });
  });
  await joinAll();
  // Later reconnects rejoin on their own; a failure there only means fewer pushes (cooks also poll).
  socket.on('connect', () => void joinAll().catch((err) => console.error(`[sim] rejoin failed: ${(err as Error).message}`)));
  return socket;
}

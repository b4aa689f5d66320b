import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../contracts/socket-events';

/** The API's Socket.io server and sockets, typed with the shared event map. */
export type BrigadeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type BrigadeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

// A real Socket.IO client on the api's /realtime namespace that records every event it receives, each checked
// against its schema in the contract.
import { io, type Socket } from 'socket.io-client';
import type { TestApi } from './api';
import { assertMatchesSchema } from './contract';
import { waitFor } from './worker';

const SCHEMA_OF_EVENT: Record<string, string> = {
  'notification.created': 'RealtimeNotificationEvent',
  'application.message': 'RealtimeApplicationMessageEvent',
  'session.ended': 'Error',
};

export interface RealtimeClient {
  socket: Socket;
  /** Every event received so far, in order. */
  events: Array<{ event: string; payload: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The first received event of that name matching `where`, waiting for it. */
  next<T = any>(event: string, where?: (payload: T) => boolean, timeoutMs?: number): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  received(event: string): unknown[];
  close(): void;
}

export interface SocketOptions {
  auth?: Record<string, unknown>;
  headers?: Record<string, string>;
  namespace?: string;
}

/** A websocket-only client that never reconnects on its own. */
export function openSocket(baseUrl: string, { auth = {}, headers = {}, namespace = '/realtime' }: SocketOptions = {}): Socket {
  return io(`${baseUrl}${namespace}`, { auth, extraHeaders: headers, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** How the server answered the handshake (a refusal carries connect_error's data, if any); closes the socket. */
export function handshakeOf(socket: Socket): Promise<{ admitted: boolean; refusal?: unknown }> {
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve({ admitted: true });
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      resolve({ admitted: false, refusal: error.data });
    });
  });
}

/** Connects with the token (in `auth`, or as a bearer header) and resolves once the server admitted the socket. */
export async function connectRealtime(api: Pick<TestApi, 'baseUrl'>, token: string, options: { asHeader?: boolean } = {}): Promise<RealtimeClient> {
  const socket = openSocket(api.baseUrl, options.asHeader ? { headers: { authorization: `Bearer ${token}` } } : { auth: { token } });
  const events: RealtimeClient['events'] = [];
  socket.onAny((event: string, payload: unknown) => {
    const schema = SCHEMA_OF_EVENT[event];
    if (!schema) throw new Error(`unexpected real-time event ${event}`);
    assertMatchesSchema(schema, payload);
    events.push({ event, payload });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return {
    socket,
    events,
    next: (event, where = () => true, timeoutMs = 5000) =>
      waitFor(async () => events.find((e) => e.event === event && where(e.payload))?.payload, timeoutMs, `real-time event ${event}`),
    received: (event) => events.filter((e) => e.event === event).map((e) => e.payload),
    close: () => socket.close(),
  };
}

/** The error a refused connection carries (`connect_error`'s data); throws if the connection is admitted. */
export async function refusal(api: Pick<TestApi, 'baseUrl'>, auth: Record<string, unknown>, options: Omit<SocketOptions, 'auth'> = {}): Promise<unknown> {
  const answer = await handshakeOf(openSocket(api.baseUrl, { ...options, auth }));
  if (answer.admitted) throw new Error('the connection was admitted');
  return answer.refusal;
}

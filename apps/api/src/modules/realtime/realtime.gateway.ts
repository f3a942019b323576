import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { DomainError, ShutdownState, toErrorResponse, type ErrorBody } from '@app/common';
import type { RealtimeApplicationMessageEventDto, RealtimeNotificationEventDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Namespace, Socket } from 'socket.io';
import { BearerAuthenticator, bearerTokenOf, refusalOf } from '../auth/bearer-authenticator';

export const REALTIME_NAMESPACE = '/realtime';

const logger = new Logger('RealtimeGateway');

/** How often the sockets' tokens are checked against the denylist and the role markers, in case a signal was lost. */
const TOKEN_RECHECK_MS = 30_000;
const SESSION_ROOM = 'session:';

const userRoom = (userId: string) => `user:${userId}`;
const sessionRoom = (sessionId: string) => `${SESSION_ROOM}${sessionId}`;

interface SocketData {
  principal: Principal;
  expiresAt: Date;
}

/** What the server emits (RealtimeEventName in the contract); clients send nothing. */
export interface RealtimeEvents {
  'notification.created': (event: RealtimeNotificationEventDto) => void;
  'application.message': (event: RealtimeApplicationMessageEventDto) => void;
  'session.ended': (error: ErrorBody) => void;
}

type RealtimeNamespace = Namespace<Record<string, never>, RealtimeEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<Record<string, never>, RealtimeEvents, Record<string, never>, SocketData>;

/** A refused handshake: the client's `connect_error` carries the usual error body in `data`. */
function connectError(error: unknown): Error & { data: ErrorBody } {
  const response = toErrorResponse(error);
  if (response.unexpected) logger.error({ err: error }, 'real-time handshake failed');
  return Object.assign(new Error(response.body.message), { data: response.body });
}

/**
 * The `/realtime` namespace: a socket is admitted with a valid access token of a live session, joins its user's
 * and its session's rooms, and is closed when its session ends or its token expires (the client reconnects with a
 * fresh token). It only receives: what it is sent comes from RealtimeRelay, which decides who may see what.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class RealtimeGateway
  implements OnGatewayInit<RealtimeNamespace>, OnGatewayConnection<RealtimeSocket>, OnGatewayDisconnect<RealtimeSocket>, OnApplicationShutdown
{
  @WebSocketServer() private readonly namespace!: RealtimeNamespace;
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private tokenRecheck?: NodeJS.Timeout;
  private readonly connections: Gauge;
  private readonly emitted: Counter<'event'>;

  constructor(
    private readonly bearer: BearerAuthenticator,
    @Inject(ShutdownState) private readonly shutdown: ShutdownState,
    registry: Registry,
  ) {
    this.connections = new Gauge({ name: 'realtime_connections', help: 'Open real-time sockets.', registers: [registry] });
    this.emitted = new Counter({ name: 'realtime_events_total', help: 'Real-time events sent, by event.', labelNames: ['event'], registers: [registry] });
  }

  afterInit(namespace: RealtimeNamespace): void {
    namespace.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => next(connectError(error)),
      );
    });
    // /realtime is the only namespace: Socket.IO's default one would admit anyone.
    namespace.server.of('/').use((_socket, next) => next(connectError(new DomainError('NOT_FOUND', `No such namespace; connect to ${REALTIME_NAMESPACE}.`))));
    this.tokenRecheck = setInterval(() => void this.recheckTokens(), TOKEN_RECHECK_MS);
    this.tokenRecheck.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.tokenRecheck);
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    // A handshake admitted just before draining started.
    if (this.shutdown.draining) return void socket.conn.close();
    // Clients send nothing (docs/realtime.md): one that does is not one of ours.
    socket.onAny(() => socket.disconnect(true));
    const { principal, expiresAt } = socket.data;
    const expired = new DomainError('UNAUTHENTICATED', 'The access token expired; reconnect with a fresh one.');
    const timer = setTimeout(() => this.end(socket, expired), Math.max(0, expiresAt.getTime() - Date.now()));
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
    this.connections.inc();
    await socket.join([userRoom(principal.userId), sessionRoom(principal.sessionId)]);
    // A session ended (or a role changed) between the handshake's check and the join signalled rooms this socket was
    // not in yet; the denylist and the role markers are written before those signals, so asking again closes the gap.
    await this.recheck([socket]);
  }

  handleDisconnect(socket: RealtimeSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    if (this.expiryTimers.delete(socket.id)) this.connections.dec();
  }

  /** Whether this replica holds a socket of the user (signals about anyone else are not ours to serve). */
  holdsSocketsOf(userId: string): boolean {
    return (this.namespace.adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0;
  }

  emitToUser<E extends keyof RealtimeEvents>(userId: string, event: E, ...payload: Parameters<RealtimeEvents[E]>): void {
    this.namespace.to(userRoom(userId)).emit(event, ...payload);
    this.emitted.inc({ event });
  }

  /**
   * Asks the denylist and the role markers about every socket here and closes those whose session ended or whose
   * role changed: the signals are at most once (lost while this replica was cut off from Redis), Redis's keys are
   * not. Runs every TOKEN_RECHECK_MS and when the relay's subscription comes back.
   */
  async recheckTokens(): Promise<void> {
    await this.recheck([...this.namespace.sockets.values()]);
  }

  /** After a role change of the user: closes those of their sockets whose token carries another role. */
  async recheckSocketsOf(userId: string): Promise<void> {
    const ids = this.namespace.adapter.rooms.get(userRoom(userId));
    await this.recheck([...(ids ?? [])].flatMap((id) => this.namespace.sockets.get(id) ?? []));
  }

  /** Closes the sockets of ended sessions, telling them why first. */
  endSessions(sessionIds: readonly string[]): void {
    for (const sessionId of sessionIds) {
      const ids = this.namespace.adapter.rooms.get(sessionRoom(sessionId));
      for (const id of ids ? [...ids] : []) {
        const socket = this.namespace.sockets.get(id);
        if (socket) this.end(socket, refusalOf('ended'));
      }
    }
  }

  private async recheck(sockets: readonly RealtimeSocket[]): Promise<void> {
    if (sockets.length === 0) return;
    const standings = await this.bearer.standingOf(sockets.map((socket) => socket.data.principal));
    sockets.forEach((socket, i) => {
      const standing = standings[i];
      if (standing !== 'current') this.end(socket, refusalOf(standing));
    });
  }

  private async admit(socket: RealtimeSocket): Promise<void> {
    if (this.shutdown.draining) throw new DomainError('SERVICE_UNAVAILABLE', 'This server is shutting down; reconnect.');
    const offered: unknown = socket.handshake.auth?.token;
    const token = typeof offered === 'string' ? offered : bearerTokenOf(socket.handshake.headers.authorization);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Connect with an access token in `auth.token`.');
    socket.data = await this.bearer.authenticate(token);
  }

  /** `session.ended` carries why: UNAUTHENTICATED (sign in again, or reconnect with a fresh token) or TOKEN_STALE (refresh). */
  private end(socket: RealtimeSocket, reason: DomainError): void {
    socket.emit('session.ended', toErrorResponse(reason).body);
    this.emitted.inc({ event: 'session.ended' });
    socket.disconnect(true);
  }
}

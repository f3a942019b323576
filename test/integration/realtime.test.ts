// The real-time gateway end to end: real Socket.IO clients on two api replicas sharing the run's MariaDB and Redis.
import { createRootLogger, exitGracefullyOnSignal, JsonLogger, RedisClient, ShutdownState } from '@app/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenService } from '../../apps/api/src/modules/auth/access-token.service';
import { revokedSessionKey } from '../../apps/api/src/modules/auth/revoked-sessions';
import { roleMarkerKey } from '../../apps/api/src/modules/auth/role-markers';
import { RealtimeGateway } from '../../apps/api/src/modules/realtime/realtime.gateway';
import { startApi, type TestApi } from '../support/api';
import { adoptablePet, submittedApplication } from '../support/applications';
import { createUser, type TestUser } from '../support/identity';
import { notificationEvent, notifyVia } from '../support/notifications';
import { connectRealtime, handshakeOf, openSocket, refusal, type RealtimeClient } from '../support/realtime';
import { waitFor } from '../support/worker';

let api: TestApi;
let replica: TestApi;
const clients: RealtimeClient[] = [];

beforeAll(async () => {
  [api, replica] = await Promise.all([startApi(), startApi()]);
});
afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all([api?.close(), replica?.close()]);
});

async function connect(target: TestApi, user: TestUser, options: { asHeader?: boolean } = {}): Promise<RealtimeClient> {
  const client = await connectRealtime(target, user.token, options);
  clients.push(client);
  return client;
}

/** Long enough for a signal that is coming to have arrived: used only to prove that nothing came. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('real-time connections', () => {
  it('are refused without a token, with a token that is not ours, and for an ended session, with the error body', async () => {
    expect(await refusal(api, {})).toEqual({ code: 'UNAUTHENTICATED', message: 'Connect with an access token in `auth.token`.', details: {} });
    expect(await refusal(api, { token: 'not-a-jwt' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const signedOut = await createUser(api);
    expect((await api.request('POST', '/api/v1/auth/logout', { token: signedOut.token })).status).toBe(204);
    expect(await refusal(api, { token: signedOut.token })).toEqual({ code: 'UNAUTHENTICATED', message: 'This session has ended; sign in again.', details: {} });
  });

  it('are refused at the HTTP handshake from a browser page of an origin the API does not allow (CORS does not bind websockets)', async () => {
    const handshake = (origin?: string) =>
      fetch(`${api.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: origin ? { origin } : {} }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
      }));
    expect(await handshake('https://evil.example')).toEqual({ status: 403, body: JSON.stringify({ code: 4, message: 'Origin not allowed' }) });
    expect((await handshake('https://app.example.org')).status).toBe(200);
    expect((await handshake()).status).toBe(200);
    const ada = await createUser(api);
    const from = (origin: string) => handshakeOf(openSocket(api.baseUrl, { auth: { token: ada.token }, headers: { origin } }));
    expect(await from('https://evil.example')).toMatchObject({ admitted: false });
    expect(await from('https://app.example.org')).toEqual({ admitted: true });
  });

  it('exist only on /realtime: the default namespace refuses everyone', async () => {
    const ada = await createUser(api);
    expect(await refusal(api, { token: ada.token }, { namespace: '/' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No such namespace; connect to /realtime.',
      details: {},
    });
  });

  it('are closed when the client sends an event (clients only listen)', async () => {
    const client = await connect(api, await createUser(api));
    client.socket.emit('notifications.read', { all: true });
    await waitUntilDisconnected(client, 'io server disconnect');
  });

  it('are closed by a recheck of the denylist when their session ended and the signal never came', async () => {
    const ada = await createUser(api);
    const client = await connect(api, ada);
    const other = await connect(api, await createUser(api));
    // Revoked without the signal, as when the replica was cut off from Redis's pub/sub.
    await api.app.get(RedisClient).set(revokedSessionKey(ada.sessionId), '1', 'EX', 60);
    await api.app.get(RealtimeGateway).recheckTokens();
    expect(await client.next('session.ended')).toMatchObject({ code: 'UNAUTHENTICATED', message: 'This session has ended; sign in again.' });
    await waitUntilDisconnected(client);
    expect(other.socket.connected).toBe(true);
  });

  it('are closed with TOKEN_STALE when the role of their user changes on any replica; a token with the new role stays', async () => {
    const admin = await createUser(api, { role: 'admin' });
    const mod = await createUser(api, { role: 'moderator' });
    const here = await connect(api, mod);
    const there = await connect(replica, mod);
    const bystander = await connect(api, await createUser(api, { role: 'moderator' }));
    const change = await replica.request('PUT', `/api/v1/users/${mod.id}/role`, { token: admin.token, body: { role: 'adopter', expectedVersion: 1 } });
    expect(change.status).toBe(200);
    // What a client holds once it refreshed: the same session, the new role.
    const refreshed = await connectRealtime(api, api.app.get(AccessTokenService).issue({ userId: mod.id, role: 'adopter', sessionId: mod.sessionId }).token);
    clients.push(refreshed);
    for (const client of [here, there]) {
      expect(await client.next('session.ended')).toEqual({
        code: 'TOKEN_STALE',
        message: 'The role of this account changed; refresh the access token and retry.',
        details: {},
      });
      await waitUntilDisconnected(client);
    }
    await settle();
    expect(refreshed.socket.connected).toBe(true);
    expect(bystander.socket.connected).toBe(true);
    // The old token is refused at the handshake too.
    expect(await refusal(api, { token: mod.token })).toMatchObject({ code: 'TOKEN_STALE' });
  });

  it('are closed by a recheck of the role markers when a role changed and the signal never came', async () => {
    const ada = await createUser(api);
    const client = await connect(api, ada);
    await api.app.get(RedisClient).set(roleMarkerKey(ada.id), '2:rehomer', 'EX', 60);
    await api.app.get(RealtimeGateway).recheckTokens();
    expect(await client.next('session.ended')).toMatchObject({ code: 'TOKEN_STALE' });
    await waitUntilDisconnected(client);
  });

  it('accept a bearer Authorization header as well as auth.token', async () => {
    const ada = await createUser(api);
    const client = await connect(api, ada, { asHeader: true });
    expect(client.socket.connected).toBe(true);
  });

  it('are closed, with session.ended, when their session ends on any replica', async () => {
    const ada = await createUser(api);
    const here = await connect(api, ada);
    const there = await connect(replica, ada);
    const other = await createUser(api);
    const bystander = await connect(api, other);
    expect((await replica.request('POST', '/api/v1/auth/logout', { token: ada.token })).status).toBe(204);
    for (const client of [here, there]) {
      expect(await client.next('session.ended')).toEqual({ code: 'UNAUTHENTICATED', message: 'This session has ended; sign in again.', details: {} });
      await waitUntilDisconnected(client);
    }
    expect(bystander.socket.connected).toBe(true);
  });

  it('are closed when their access token expires', async () => {
    const ada = await createUser(api);
    const config = api.config;
    const token = api.app.get(JwtService).sign(
      { sub: ada.id, sid: ada.sessionId, role: ada.role, typ: 'at+jwt' },
      {
        secret: config.JWT_SECRET,
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: 'at+jwt' },
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        expiresIn: 2,
        notBefore: 0,
      },
    );
    const client = await connectRealtime(api, token);
    clients.push(client);
    expect(await client.next('session.ended', () => true, 5000)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The access token expired; reconnect with a fresh one.',
    });
    await waitUntilDisconnected(client);
  });

  it('are counted on /metrics', async () => {
    const metric = async () => {
      const text = (await api.request('GET', '/metrics', { unchecked: true })).text;
      return Number(/^realtime_connections\{[^}]*\} (\d+)$/m.exec(text)?.[1]);
    };
    const before = await metric();
    const client = await connect(api, await createUser(api));
    expect(await metric()).toBe(before + 1);
    client.close();
    await waitFor(async () => (await metric()) === before, 5000, 'the gauge to go down');
  });
});

describe('notifications in real time', () => {
  it("reach every socket of their owner on every replica, exactly as the centre shows them, with the unread count; nobody else's", async () => {
    const ada = await createUser(api);
    const stranger = await createUser(api);
    const [mine, mineElsewhere, theirs] = [await connect(api, ada), await connect(replica, ada), await connect(api, stranger)];
    await notifyVia(api, [notificationEvent(ada, { title: 'First' }), notificationEvent(ada, { title: 'Second' })]);

    for (const client of [mine, mineElsewhere]) {
      const second = await client.next('notification.created', (e: any) => e.notification.title === 'Second'); // eslint-disable-line @typescript-eslint/no-explicit-any
      const shown = await api.request('GET', `/api/v1/notifications/${second.notification.id}`, { token: ada.token });
      expect(second).toEqual({ notification: shown.body, unreadCount: 2 });
      expect(client.received('notification.created')).toHaveLength(2);
    }
    await settle();
    expect(theirs.events).toEqual([]);
  });

  it('are not sent again for a notification that already existed (a retried event)', async () => {
    const ada = await createUser(api);
    const client = await connect(api, ada);
    const event = notificationEvent(ada, { title: 'Once' });
    await notifyVia(api, [event]);
    await client.next('notification.created');
    await notifyVia(api, [event]);
    await settle();
    expect(client.received('notification.created')).toHaveLength(1);
  });
});

describe('application messages in real time', () => {
  it("reach the thread's readers (the applicant and the owner side, the sender's other sockets too), nobody else", async () => {
    const { petId, ...rescue } = await adoptablePet(api);
    const { application, adopter } = await submittedApplication(api, petId);
    const [applicant, admin, staff, volunteer, staffElsewhere] = [
      await connect(api, adopter),
      await connect(replica, rescue.admin),
      await connect(api, rescue.staff),
      await connect(api, rescue.volunteer),
      await connect(replica, rescue.staff),
    ];
    const sent = await api.request('POST', `/api/v1/applications/${application.id}/messages`, {
      token: rescue.staff.token,
      body: { body: 'Can you visit on Saturday?' },
    });
    expect(sent.status).toBe(201);

    for (const client of [applicant, admin, staff, staffElsewhere]) {
      expect(await client.next('application.message')).toEqual({ applicationId: application.id, message: sent.body });
    }
    // The applicant is also told in their centre; the sender is not notified of their own message.
    const notified = await applicant.next('notification.created', (e: any) => e.notification.type === 'message_received'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(notified.notification).toMatchObject({ resourceType: 'application', resourceId: application.id });
    await settle();
    expect(volunteer.events).toEqual([]);
    expect(staff.received('notification.created')).toEqual([]);
  });

  it('are sent once for a retried send with the same Idempotency-Key', async () => {
    const { petId, ...rescue } = await adoptablePet(api);
    const { application, adopter } = await submittedApplication(api, petId);
    const staff = await connect(api, rescue.staff);
    const send = () =>
      api.request('POST', `/api/v1/applications/${application.id}/messages`, {
        token: adopter.token,
        body: { body: 'Hello' },
        headers: { 'idempotency-key': `rt-${application.id}` },
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    await staff.next('application.message');
    await settle();
    expect(staff.received('application.message')).toHaveLength(1);
  });
});

describe('a draining replica', () => {
  it('closes every Socket.IO connection when draining starts (clients reconnect elsewhere), refuses new ones, and exits 0 in time', async () => {
    const draining = await startApi({ SHUTDOWN_DRAIN_MS: '300' });
    const exited = new Promise<number>((resolve) => {
      exitGracefullyOnSignal({
        app: draining.app,
        shutdown: draining.app.get(ShutdownState),
        logger: new JsonLogger(createRootLogger({ level: 'silent', service: 'test' })),
        drainMs: draining.config.SHUTDOWN_DRAIN_MS,
        timeoutMs: draining.config.SHUTDOWN_TIMEOUT_MS,
        exit: resolve,
        signals: ['SIGUSR2'],
      });
    });
    const ada = await createUser(draining);
    const client = await connectRealtime(draining, ada.token);
    // A bare websocket that never joins a namespace: the HTTP server's close would wait for it too.
    const stray = await rawEngineSocket(draining);
    const bareClosed = new Promise<string>((resolve) => stray.once('close', () => resolve('transport close')));

    const signalled = Date.now();
    process.kill(process.pid, 'SIGUSR2');
    await waitUntilDisconnected(client, 'transport close');
    expect(await bareClosed).toBe('transport close');
    // Refused (refusal() throws if admitted): the websocket upgrade gets 503 once the engine is closed.
    await refusal(draining, { token: ada.token });
    expect(await exited).toBe(0);
    // Well before SHUTDOWN_TIMEOUT_MS, which forces exit 1.
    expect(Date.now() - signalled).toBeLessThan(draining.config.SHUTDOWN_TIMEOUT_MS / 2);
  });
});

/** An engine.io websocket opened by hand (the HTTP upgrade only), admitted to no namespace. */
function rawEngineSocket(target: TestApi): Promise<Duplex> {
  const { port } = new URL(target.baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: '127.0.0.1',
      port: Number(port),
      path: '/socket.io/?EIO=4&transport=websocket',
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64') },
    });
    // Flowing, so that the server's close or cut reaches 'close' (frames are read and ignored: it never answers).
    request.once('upgrade', (_response, socket) => resolve(socket.resume()));
    request.once('response', (response) => reject(new Error(`no upgrade: ${response.statusCode}`)));
    request.once('error', reject);
    request.end();
  });
}

async function waitUntilDisconnected(client: RealtimeClient, reason?: string): Promise<void> {
  const why = await new Promise<string>((resolve) => {
    if (!client.socket.connected) resolve('already');
    client.socket.once('disconnect', (r) => resolve(r));
  });
  if (reason) expect(why).toBe(reason);
}

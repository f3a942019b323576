// The bare baseline of the `realtime` scenario's delivery case (bench/realtime.mjs): plain Fastify + mysql2 +
// socket.io, no framework, the least a server needs for the same feature:
//   sockets   /realtime, the access token in `auth.token` checked (HS256, issuer, audience: the same JWT_* as
//             the api), joined to the room `user:<sub>`; no session denylist, no expiry timer, no metrics;
//   POST /api/v1/applications/:id/messages  the bearer token checked the same way; in one transaction the
//             caller's access (the application and the caller's staff role, one query), the message row and
//             the other side's notification row; after commit `application.message` to every thread reader's
//             room and `notification.created` (the row it just wrote, not read back) to the other side.
// No idempotency, no e-mail job, no Redis relay (one process), no request validation library, no logging.
// GET /stats answers process.memoryUsage().
import { createSecretKey, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { Server } from 'socket.io';

const port = Number(process.env.BARE_PORT ?? 3100);
// A KeyObject, not the secret's string: jsonwebtoken 9 otherwise first tries (and fails) to parse a string as a
// public key on every call, ~0.5 ms each on these machines (see docs/realtime.md, "Benchmark").
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET ?? ''));
const verifyOptions = {
  algorithms: ['HS256'],
  issuer: process.env.JWT_ISSUER ?? 'pet-adoption-api',
  audience: process.env.JWT_AUDIENCE ?? 'pet-adoption-clients',
};
const userOf = (token) => {
  try {
    const claims = jwt.verify(token ?? '', secret, verifyOptions);
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
};
const pool = mysql.createPool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME,
  connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10),
  timezone: 'Z',
});
pool.on('connection', (connection) => connection.query("SET time_zone = '+00:00'"));

const app = Fastify({ logger: false });
const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
const realtime = io.of('/realtime');
realtime.use((socket, next) => {
  const userId = userOf(socket.handshake.auth?.token);
  if (!userId) return next(Object.assign(new Error('unauthenticated'), { data: { code: 'UNAUTHENTICATED' } }));
  socket.data.userId = userId;
  next();
});
realtime.on('connection', (socket) => socket.join(`user:${socket.data.userId}`));

const MANAGING = ['admin', 'staff'];
app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/stats', async () => process.memoryUsage());
app.post('/api/v1/applications/:applicationId/messages', async (request, reply) => {
  const callerId = userOf(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]);
  if (!callerId) return reply.code(401).send({ code: 'UNAUTHENTICATED', message: 'Sign in to do this.', details: {} });
  const text = request.body?.body;
  if (typeof text !== 'string' || text.length < 1 || text.length > 5000)
    return reply.code(400).send({ code: 'VALIDATION_FAILED', message: 'The request is invalid.', details: {} });
  const { applicationId } = request.params;
  const connection = await pool.getConnection();
  let message;
  let readers;
  let notification;
  try {
    await connection.beginTransaction();
    const [[application]] = await connection.query(
      `SELECT a.applicant_id, a.rescue_id, p.name AS pet_name, s.role,
              (SELECT JSON_ARRAYAGG(m.user_id) FROM rescue_staff m WHERE m.rescue_id = a.rescue_id AND m.role IN (?)) AS staff
         FROM applications a JOIN pets p ON p.id = a.pet_id LEFT JOIN rescue_staff s ON s.rescue_id = a.rescue_id AND s.user_id = ?
        WHERE a.id = ?`,
      [MANAGING, callerId, applicationId],
    );
    const applicant = application?.applicant_id === callerId;
    const owner = !applicant && MANAGING.includes(application?.role);
    if (!application || !(applicant || owner)) {
      await connection.rollback();
      return reply.code(404).send({ code: 'NOT_FOUND', message: `Application ${applicationId} not found.`, details: {} });
    }
    const staff = typeof application.staff === 'string' ? JSON.parse(application.staff) : (application.staff ?? []);
    readers = [...new Set([application.applicant_id, ...staff])];
    // The thread's next sequence number, as the api allocates it: under the application's row lock.
    await connection.query('SELECT id FROM applications WHERE id = ? FOR UPDATE', [applicationId]);
    const [[{ last }]] = await connection.query('SELECT MAX(sequence) AS last FROM application_messages WHERE application_id = ? FOR UPDATE', [applicationId]);
    const createdAt = new Date();
    const sequence = Number(last ?? 0) + 1;
    message = {
      id: randomUUID(),
      applicationId,
      sequence,
      senderId: callerId,
      senderSide: applicant ? 'applicant' : 'owner',
      body: text,
      createdAt: createdAt.toISOString(),
    };
    await connection.query(
      'INSERT INTO application_messages (id, application_id, sequence, sender_id, sender_side, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [message.id, applicationId, sequence, callerId, message.senderSide, text, createdAt],
    );
    const recipientId = applicant ? staff[0] : application.applicant_id;
    notification = {
      id: randomUUID(),
      userId: recipientId,
      type: 'message_received',
      title: `New message about ${application.pet_name}`,
      body: text.slice(0, 200),
      resourceType: 'application',
      resourceId: applicationId,
      readAt: null,
      createdAt: createdAt.toISOString(),
    };
    await connection.query(
      "INSERT INTO notifications (id, user_id, type, title, body, resource_type, resource_id, event_key, in_app, email_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'skipped')",
      [
        notification.id,
        recipientId,
        notification.type,
        notification.title,
        notification.body,
        'application',
        applicationId,
        `application-message:${message.id}`,
      ],
    );
    await connection.commit();
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
  for (const userId of readers) realtime.to(`user:${userId}`).emit('application.message', { applicationId, message });
  realtime.to(`user:${notification.userId}`).emit('notification.created', { notification, unreadCount: null });
  return reply.code(201).send(message);
});

await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', async () => {
  io.close();
  await app.close().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
});

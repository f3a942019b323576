// The bare baseline of BENCH-METHOD.md: plain Fastify (and mysql2 where a scenario needs the database),
// no framework, answering the same routes as the api with the same SQL.
import Fastify from 'fastify';
import mysql from 'mysql2/promise';

const port = Number(process.env.BARE_PORT ?? 3100);
const app = Fastify({ logger: false });
const pool = mysql.createPool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 3306),
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME,
  connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10),
});

app.get('/healthz', async () => ({ status: 'ok', checks: {} }));
app.get('/api/v1/features/:feature', async (request, reply) => {
  const [rows] = await pool.query('SELECT `key`, enabled, description, version, updated_at FROM feature_flags WHERE `key` = ?', [request.params.feature]);
  if (rows.length === 0) return reply.code(404).send({ code: 'NOT_FOUND', message: 'Feature not found.', details: {} });
  const row = rows[0];
  return { key: row.key, enabled: row.enabled === 1, description: row.description, version: row.version, updatedAt: new Date(row.updated_at).toISOString() };
});

await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});

// The bare baseline of the `realtime` scenario's idle case (bench/realtime.mjs): plain socket.io on node:http,
// no Nest, no authentication, no rooms; the same namespace, path and server options as the api's gateway
// (apps/api/src/modules/realtime/realtime-io.adapter.ts: serveClient off, 16 KiB frames). GET /stats answers
// process.memoryUsage(), GET /healthz for the harness.
import http from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.BARE_PORT ?? 3100);
const server = http.createServer((request, response) => {
  if (request.url === '/stats') return void response.end(JSON.stringify(process.memoryUsage()));
  if (request.url === '/healthz') return void response.end('{"status":"ok"}');
  if (!request.url.startsWith('/socket.io')) response.writeHead(404).end();
});
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
io.of('/realtime').on('connection', () => undefined);
server.listen(port, process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
  io.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});

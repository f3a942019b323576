// Per-request plumbing shared by the api and the worker's probe server: request ids, the request context
// that puts the id on every log line, access logs, the latency histogram, and 503 while draining.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import type { Histogram } from 'prom-client';
import { requestContext } from '../logging/request-context';
import type { ShutdownState } from '../shutdown/shutdown-state';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Use the caller's X-Request-Id when it is sane, else make one. */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface HttpHooksOptions {
  logger: PinoLogger;
  histogram: Histogram<'route' | 'method' | 'status'>;
  shutdown: ShutdownState;
  /** Paths that keep answering while draining (liveness must not fail during a graceful stop). */
  alwaysServed: string[];
}

const routeOf = (request: FastifyRequest) => request.routeOptions?.url ?? 'unmatched';

export function installHttpHooks(fastify: FastifyInstance, options: HttpHooksOptions): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    (request as FastifyRequest & { startedAt: bigint }).startedAt = process.hrtime.bigint();
    requestContext.run({ requestId: String(request.id), ip: request.ip }, () => {
      if (options.shutdown.draining && !options.alwaysServed.includes(request.url.split('?')[0])) {
        void reply
          .code(503)
          .header('connection', 'close')
          .header('retry-after', '1')
          .send({ code: 'SERVICE_UNAVAILABLE', message: 'The server is shutting down; retry.', details: {} });
        return;
      }
      done();
    });
  });

  // Requests already in flight when draining starts answer with `Connection: close`, so that keep-alive
  // sockets end with them and closing the server does not wait for idle clients.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (options.shutdown.draining) void reply.header('connection', 'close');
    done(null, payload);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const started = (request as FastifyRequest & { startedAt?: bigint }).startedAt;
    const seconds = started === undefined ? 0 : Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf(request);
    options.histogram.observe({ route, method: request.method, status: String(reply.statusCode) }, seconds);
    options.logger.info(
      { requestId: request.id, method: request.method, route, url: request.url, status: reply.statusCode, durationMs: Math.round(seconds * 1000) },
      'request completed',
    );
    done();
  });
}

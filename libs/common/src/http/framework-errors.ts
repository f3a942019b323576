// Answers for what is refused before any route, hook or Nest filter runs, in the API's one error shape:
// the router's own errors (a badly percent-encoded URL, an over-long path parameter) and the complaints of
// Node's HTTP parser (malformed request line or headers, bad Content-Length, headers too large, too slow).
// Fastify's defaults answer these with `{ statusCode, code, error, message }`.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from '../errors/error-response';

/** Fastify's `frameworkErrors` option. Only the request id is set: the onRequest hooks (helmet, CORS) did not run. */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body, headers } = toErrorResponse(error);
  void reply.code(status).headers(headers).header('x-request-id', request.id).send(body);
}

/** Fastify's `clientErrorHandler` option: there is no request yet, only the socket, so the response is written raw. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, body } = toErrorResponse(error);
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}

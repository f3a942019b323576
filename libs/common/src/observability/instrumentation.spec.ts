import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startInstrumentation, stopInstrumentation } from './instrumentation';

describe('instrumentation', () => {
  it('does nothing without OTEL_EXPORTER_OTLP_ENDPOINT and SENTRY_DSN', async () => {
    expect(() => startInstrumentation('test', {})).not.toThrow();
    await expect(stopInstrumentation()).resolves.toBeUndefined();
  });

  it('exports spans over OTLP/HTTP to the configured endpoint', async () => {
    const received: string[] = [];
    const collector = createServer((request, response) => {
      received.push(request.url ?? '');
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const address = collector.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    startInstrumentation('test', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    const { trace } = await import('@opentelemetry/api');
    trace.getTracer('test').startSpan('unit-of-work').end();
    await stopInstrumentation(); // flushes the batch
    collector.close();
    expect(received).toContain('/v1/traces');
  });
});

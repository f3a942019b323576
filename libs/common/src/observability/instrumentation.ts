// Tracing and error reporting, both off unless configured. Must run before anything loads http,
// fastify, mysql2 or ioredis, so each app's main.ts imports its instrument.ts first, and this file
// is imported by path (not through the library index, which loads Nest).
import type { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing or Sentry is configured, before anything they instrument */
export function startInstrumentation(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
    const { MySQL2Instrumentation } = require('@opentelemetry/instrumentation-mysql2') as typeof import('@opentelemetry/instrumentation-mysql2');
    const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
    const { FastifyOtelInstrumentation } = require('@fastify/otel') as typeof import('@fastify/otel');
    sdk = new NodeSDK({
      serviceName,
      // OTLP/HTTP convention: traces go to <endpoint>/v1/traces.
      traceExporter: new OTLPTraceExporter({ url: `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` }),
      instrumentations: [
        new HttpInstrumentation(),
        new FastifyOtelInstrumentation({ registerOnInitialization: true }),
        new MySQL2Instrumentation(),
        new IORedisInstrumentation(),
      ],
    });
    sdk.start();
  }
  if (env.SENTRY_DSN) {
    const Sentry = require('@sentry/node') as typeof import('@sentry/node');
    Sentry.init({ dsn: env.SENTRY_DSN, environment: env.NODE_ENV ?? 'development', serverName: serviceName, tracesSampleRate: 0 });
  }
}

export async function stopInstrumentation(): Promise<void> {
  await sdk?.shutdown();
}

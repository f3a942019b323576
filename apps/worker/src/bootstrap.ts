// Builds the worker application; used by main.ts and by the tests.
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ApiExceptionFilter,
  AppConfig,
  createHttpDurationHistogram,
  createMetricsRegistry,
  createRootLogger,
  installHttpHooks,
  JsonLogger,
  requestIdOf,
  ShutdownState,
} from '@app/common';
import type { DestinationStream } from 'pino';
import { JOB_HANDLERS, WorkerModule } from './worker.module';

export interface CreatedWorker {
  app: NestFastifyApplication;
  shutdown: ShutdownState;
}

export async function createWorkerApp(
  config: AppConfig,
  options: { logDestination?: DestinationStream; handlers?: Array<new (...args: never[]) => unknown> } = {},
): Promise<CreatedWorker> {
  const rootLogger = createRootLogger({ level: config.LOG_LEVEL, service: 'worker', destination: options.logDestination });
  const metrics = createMetricsRegistry('worker');
  const shutdown = new ShutdownState();
  const app = await NestFactory.create<NestFastifyApplication>(
    WorkerModule.forRoot({ config, metrics, shutdown }, options.handlers ?? JOB_HANDLERS),
    new FastifyAdapter({
      genReqId: (request: IncomingMessage | Http2ServerRequest) => requestIdOf(request),
      return503OnClosing: true,
      forceCloseConnections: 'idle',
    }),
    { logger: new JsonLogger(rootLogger) },
  );
  installHttpHooks(app.getHttpAdapter().getInstance(), {
    logger: rootLogger,
    histogram: createHttpDurationHistogram(metrics),
    shutdown,
    alwaysServed: ['/healthz', '/metrics'],
  });
  app.useGlobalFilters(new ApiExceptionFilter());
  await app.init();
  return { app, shutdown };
}

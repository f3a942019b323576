// Builds the api application: used by main.ts, by the integration tests and by the contract check,
// so all three run exactly the same stack.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import {
  AllowedMethods,
  API_PREFIX,
  answerClientError,
  answerFrameworkError,
  ApiExceptionFilter,
  AppConfig,
  createHttpDurationHistogram,
  createMetricsRegistry,
  createRootLogger,
  createValidationPipe,
  depthLimitedJsonParser,
  installHttpHooks,
  JsonBodyGuard,
  JsonLogger,
  requestIdOf,
  ShutdownState,
} from '@app/common';
import { operations } from '@app/contracts';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { RealtimeIoAdapter } from './modules/realtime/realtime-io.adapter';

export const ROOT_ROUTES = ['healthz', 'readyz', 'metrics'];

/** The bundled contract, found by walking up from this file (source tree, dist/ or the container image). */
export function loadBundledContract(): OpenAPIObject {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'openapi/dist/openapi.json');
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8')) as OpenAPIObject;
  }
  throw new Error('openapi/dist/openapi.json not found; run `npm run contract:bundle`');
}

export interface CreatedApi {
  app: NestFastifyApplication;
  shutdown: ShutdownState;
}

export async function createApiApp(config: AppConfig, options: { logDestination?: DestinationStream } = {}): Promise<CreatedApi> {
  const rootLogger = createRootLogger({ level: config.LOG_LEVEL, service: 'api', destination: options.logDestination });
  const metrics = createMetricsRegistry('api');
  const shutdown = new ShutdownState();

  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (request: IncomingMessage) => requestIdOf(request),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // What the router and Node's HTTP parser refuse before any hook runs, in our error shape too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, metrics, shutdown }), adapter, {
    logger: new JsonLogger(rootLogger),
    bufferLogs: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', { bodyLimit: config.BODY_LIMIT_BYTES }, depthLimitedJsonParser(fastify, config.BODY_MAX_DEPTH));
  installHttpHooks(fastify, {
    logger: rootLogger,
    histogram: createHttpDurationHistogram(metrics),
    shutdown,
    alwaysServed: ['/healthz', '/metrics'],
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(cors, {
    origin: config.CORS_ORIGINS,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
    maxAge: 600,
  });

  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter(new AllowedMethods(Object.values(operations))));
  app.useGlobalGuards(new JsonBodyGuard(app.get(Reflector)));
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config, shutdown));
  SwaggerModule.setup('docs', app, loadBundledContract(), { useGlobalPrefix: false, raw: ['json'] });
  await app.init();
  return { app, shutdown };
}

import type { INestApplication, LoggerService } from '@nestjs/common';
import type { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  app: INestApplication;
  shutdown: ShutdownState;
  logger: LoggerService;
  /** Time between the signal and closing, while readiness already fails (lets load balancers stop routing). */
  drainMs: number;
  /** Hard limit: the process exits by then whatever is still running. */
  timeoutMs: number;
  /** Called after a clean close; extra clean-up such as flushing traces. */
  afterClose?: () => Promise<void>;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * On SIGTERM/SIGINT: readiness turns 503 at once and new requests get 503; after the drain delay the server
 * stops accepting, in-flight requests (and running jobs) finish, DB and Redis connections close, and the
 * process exits — or is forced out at the timeout.
 */
async function closeHttpServer(app: INestApplication): Promise<void> {
  const instance = app.getHttpAdapter()?.getInstance?.() as { close?: () => Promise<void>; server?: { listening?: boolean } } | undefined;
  if (instance?.server?.listening && instance.close) await instance.close();
}

export function exitGracefullyOnSignal(options: GracefulShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onSignal = (signal: NodeJS.Signals) => {
    options.logger.log(`${signal}: draining`);
    options.shutdown.startDraining();
    const force = setTimeout(() => {
      options.logger.error('shutdown timed out; exiting');
      exit(1);
    }, options.timeoutMs);
    force.unref();
    setTimeout(async () => {
      try {
        // Nest's close() runs shutdown hooks (closing the database) before it closes the HTTP server, so
        // the server is closed first: it stops accepting and waits for in-flight requests, which still
        // have their database connections.
        await closeHttpServer(options.app);
        await options.app.close();
        await options.afterClose?.();
        options.logger.log('stopped');
        clearTimeout(force);
        exit(0);
      } catch (error) {
        options.logger.error(error);
        exit(1);
      }
    }, options.drainMs);
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(signal, onSignal);
}

import './instrument';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/common';
import { stopInstrumentation } from '@app/common/observability/instrumentation';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, shutdown } = await createApiApp(config);
  await app.listen({ port: config.API_PORT, host: config.HOST });
  const logger = new Logger('Api');
  logger.log(`listening on ${config.HOST}:${config.API_PORT}`);

  // Graceful stop: unready at once, refuse new work, let in-flight requests finish, close DB and Redis.
  process.once('SIGTERM', () => {
    logger.log('SIGTERM: draining');
    shutdown.startDraining();
    setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    setTimeout(async () => {
      await app.close();
      await stopInstrumentation();
      logger.log('stopped');
      process.exit(0);
    }, config.SHUTDOWN_DRAIN_MS);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

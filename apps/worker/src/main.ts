import './instrument';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/common';
import { stopInstrumentation } from '@app/common/observability/instrumentation';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, shutdown } = await createWorkerApp(config);
  await app.listen({ port: config.WORKER_PORT, host: config.HOST });
  const logger = new Logger('Worker');
  logger.log(`worker running; probes on ${config.HOST}:${config.WORKER_PORT}`);

  // Graceful stop: unready at once, let running jobs finish (workers close after their active jobs), then exit.
  process.once('SIGTERM', () => {
    logger.log('SIGTERM: finishing running jobs');
    shutdown.startDraining();
    setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    void app
      .close()
      .then(stopInstrumentation)
      .then(() => {
        logger.log('stopped');
        process.exit(0);
      });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

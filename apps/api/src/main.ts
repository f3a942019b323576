import './instrument';
import { Logger } from '@nestjs/common';
import { exitGracefullyOnSignal, loadConfig } from '@app/common';
import { stopInstrumentation } from '@app/common/observability/instrumentation';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, shutdown } = await createApiApp(config);
  const logger = new Logger('Api');
  exitGracefullyOnSignal({
    app,
    shutdown,
    logger,
    drainMs: config.SHUTDOWN_DRAIN_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    afterClose: stopInstrumentation,
  });
  await app.listen({ port: config.API_PORT, host: config.HOST });
  logger.log(`listening on ${config.HOST}:${config.API_PORT}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

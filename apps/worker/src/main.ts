import './instrument';
import { Logger } from '@nestjs/common';
import { exitGracefullyOnSignal, loadConfig } from '@app/common';
import { stopInstrumentation } from '@app/common/observability/instrumentation';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, shutdown } = await createWorkerApp(config);
  const logger = new Logger('Worker');
  // No drain delay: the worker takes no traffic; closing waits for running jobs to finish.
  exitGracefullyOnSignal({ app, shutdown, logger, drainMs: 0, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, afterClose: stopInstrumentation });
  await app.listen({ port: config.WORKER_PORT, host: config.HOST });
  logger.log(`worker running; probes on ${config.HOST}:${config.WORKER_PORT}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

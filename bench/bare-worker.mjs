// The bare baseline of the job benchmarks (BENCH-METHOD.md: "BullMQ no-op jobs, one worker"): a plain BullMQ
// Worker, no framework, no database, whose processor does nothing. It consumes the same queue, with the same
// connection settings and concurrency (AppConfig's WORKER_CONCURRENCY) as the real worker, so the comparison
// measures what our worker adds to each job, not BullMQ. Run `npm run build` first (it reads the config from dist/).
import { createRequire } from 'node:module';
import { Worker } from 'bullmq';

const require = createRequire(import.meta.url);
const { loadConfig } = require('../dist/libs/common/src/config/app-config.js');
const { QUEUE } = require('../dist/libs/jobs/src/queues.js');
const { bullConnection } = require('../dist/libs/jobs/src/redis-connection.js');

const config = loadConfig(process.env);
const worker = new Worker(QUEUE.notifications, async () => null, { ...bullConnection(config, 'worker'), concurrency: config.WORKER_CONCURRENCY });
worker.on('error', (error) => process.stderr.write(`bare worker: ${error.message}\n`));

process.on('SIGTERM', async () => {
  await worker.close();
  process.exit(0);
});

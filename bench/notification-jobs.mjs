// The `notifications` scenario of bench/run.mjs (BENCH-METHOD.md: "notification jobs, one worker ≥ 60 % of bare
// BullMQ no-op throughput"). In the same run, alternating, on one Redis prefix of its own:
//   ours  the real worker (dist/apps/worker/src/main.js, production config) delivering `notifications.deliver-email`
//         jobs for notification rows seeded in pets_bench_notifications:
//           deliver  recipients whose preferences allow the e-mail: 3 reads, render, SMTP, 1 update per job;
//           skip     recipients who turned e-mail off for the category: 3 reads, 1 update, no SMTP;
//   bare  a plain BullMQ Worker with a no-op processor (bench/bare-worker.mjs) on the same queue, job name,
//         payload shape, job options and concurrency.
// Every job is enqueued (addBulk) before the worker starts, so enqueueing is not measured; the worker is pinned to
// CPU 0, this process (the enqueuer, the poller and the SMTP sink) to CPU 1. After the worker took its first job
// and a warm-up, the jobs that left the queue during a fixed window give jobs/s; each job's time in `active`
// (processedOn → finishedOn, BullMQ's own timestamps) gives p50/p99.
// The SMTP sink accepts every message without parsing it, over one connection or many, so that SMTP is not what is
// measured; its CPU (with the poller's) is reported beside the figures.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { summariseProfile } from './cpu-profile.mjs';
import { pidsOf, ticksOf } from './process-stats.mjs';

const require = createRequire(import.meta.url);
// From the production build, which run.mjs makes before any scenario runs: loaded then, not when imported.
let newId, loadConfig, JOB, QUEUE, RETRY_POLICY, bullConnection;
function loadBuild() {
  ({ newId } = require('../dist/libs/common/src/ids/uuid.js'));
  ({ loadConfig } = require('../dist/libs/common/src/config/app-config.js'));
  ({ JOB, QUEUE, RETRY_POLICY } = require('../dist/libs/jobs/src/queues.js'));
  ({ bullConnection } = require('../dist/libs/jobs/src/redis-connection.js'));
}

export const NOTIFICATION_JOBS_SCENARIO = { jobs: true, databaseName: 'pets_bench_notifications', redisPrefix: 'pets-bench-notifications', target: 0.6 };

const USERS_PER_GROUP = 2_000;
const NOTIFICATIONS_PER_GROUP = 80_000;
const WARM_UP_S = 3;
/** A window in which other processes used more than this (in cores) is repeated, up to MAX_ATTEMPTS times. */
const DISTURBED_CORES = 0.3;
const MAX_ATTEMPTS = 4;
const SMTP_PORT = 2525;
const WORKER_PORT = 3201;

const VARIANTS = {
  deliver: {
    group: 'deliver',
    smtpQuery: '',
    what: 'ours: e-mail allowed, rendered and sent to the SMTP sink (a connection per mail, as SMTP_URL configures it today), row marked sent',
  },
  'deliver-pooled': {
    group: 'deliver',
    smtpQuery: '?pool=true',
    what: 'the same with SMTP_URL ending in ?pool=true (nodemailer keeps up to 5 connections open)',
  },
  skip: { group: 'skip', smtpQuery: '', what: 'ours: e-mail off in the preferences, row marked skipped (the job without SMTP)' },
};
const EMAIL_ON = {
  applicationUpdates: { email: true, inApp: true },
  messages: { email: true, inApp: true },
  petUpdates: { email: false, inApp: true },
  newsletter: { email: false, inApp: false },
};
const EMAIL_OFF = { ...EMAIL_ON, applicationUpdates: { email: false, inApp: true } };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * An SMTP sink that takes every message as fast as it can: the least of SMTP a client needs (greeting, EHLO, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT), nothing parsed or stored; it counts messages and connections. Not smtp-server (the
 * tests' sink): it holds every new connection 100 ms before its greeting, to catch early talkers, which would
 * make the sink the bottleneck of a client that opens one connection per message.
 */
async function startSmtpSink() {
  const counts = { messages: 0, connections: 0 };
  const server = createServer((socket) => {
    counts.connections++;
    socket.setNoDelay(true);
    let buffer = '';
    let inData = false;
    socket.on('error', () => undefined);
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) {
            buffer = buffer.slice(-4); // keep what could be the start of the end marker
            return;
          }
          buffer = buffer.slice(end + 5);
          inData = false;
          counts.messages++;
          socket.write('250 2.0.0 accepted\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const verb = buffer.slice(0, 4).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (verb === 'EHLO') socket.write('250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n');
        else if (verb === 'DATA') {
          inData = true;
          // A message may start right after the 354 in the same chunk; the end marker then needs its own CRLF.
          buffer = `\r\n${buffer}`;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise((resolve) => server.listen(SMTP_PORT, '127.0.0.1', resolve));
  return { counts, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function seed(db) {
  const [[{ n }]] = await db.query("SELECT COUNT(*) AS n FROM notifications WHERE event_key LIKE 'bench:%'");
  if (Number(n) === 2 * NOTIFICATIONS_PER_GROUP) return;
  console.log(`seeding ${USERS_PER_GROUP * 2} users and ${NOTIFICATIONS_PER_GROUP * 2} notifications`);
  await db.query('DELETE FROM notifications');
  await db.query('DELETE FROM user_preferences');
  await db.query('DELETE FROM users');
  for (const [group, notifications] of [
    ['deliver', EMAIL_ON],
    ['skip', EMAIL_OFF],
  ]) {
    const users = Array.from({ length: USERS_PER_GROUP }, (_, i) => ({ id: newId(), i }));
    for (let i = 0; i < users.length; i += 1000) {
      const batch = users.slice(i, i + 1000);
      await db.query('INSERT INTO users (id, email, email_verified_at, password_hash, name, role, status) VALUES ?', [
        batch.map((u) => [u.id, `bench-${group}-${u.i}@example.org`, new Date(), 'not-a-hash', `Bench ${group} ${u.i}`, 'adopter', 'active']),
      ]);
      // Saved preferences (so the handler reads a row and checks quiet hours); quiet hours off, so no job waits.
      await db.query('INSERT INTO user_preferences (user_id, notifications, quiet_hours, locale, timezone) VALUES ?', [
        batch.map((u) => [u.id, JSON.stringify(notifications), JSON.stringify({ enabled: false, start: '22:00', end: '07:00' }), 'en', 'Europe/London']),
      ]);
    }
    for (let i = 0; i < NOTIFICATIONS_PER_GROUP; i += 1000) {
      const rows = [];
      for (let j = i; j < Math.min(i + 1000, NOTIFICATIONS_PER_GROUP); j++) {
        rows.push([
          newId(),
          users[j % users.length].id,
          'application_status_changed',
          'Your application to adopt Biscuit was approved',
          'The rescue approved your application to adopt Biscuit. They will contact you soon to arrange a meeting and the adoption.',
          'application',
          newId(),
          `bench:${group}:${j}`,
          1,
          'pending',
        ]);
      }
      await db.query('INSERT INTO notifications (id, user_id, type, title, body, resource_type, resource_id, event_key, in_app, email_status) VALUES ?', [
        rows,
      ]);
    }
  }
  await db.query('ANALYZE TABLE users, user_preferences, notifications');
}

/** The ids of `count` notifications of the group, made pending again (a previous run settled them). */
async function pendingNotifications(db, group, count) {
  if (count > NOTIFICATIONS_PER_GROUP) throw new Error(`${count} jobs wanted, ${NOTIFICATIONS_PER_GROUP} notifications seeded per group`);
  const [rows] = await db.query('SELECT id FROM notifications WHERE event_key LIKE ? ORDER BY id LIMIT ?', [`bench:${group}:%`, count]);
  // Due in a day: the worker's sweeper (which re-enqueues pending e-mail older than JOB_SWEEP_AFTER_MS) leaves them be.
  await db.query(
    "UPDATE notifications SET email_status = 'pending', email_detail = NULL, email_sent_at = NULL, email_due_at = CURRENT_TIMESTAMP(3) + INTERVAL 1 DAY WHERE event_key LIKE ?",
    [`bench:${group}:%`],
  );
  return rows.map((r) => r.id);
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null;
}

/**
 * Runs the scenario. The helpers come from run.mjs (one harness): the quiet-machine wait, CPU ticks of the whole
 * machine, pinned start and stop of a child process, and the machine facts.
 */
export async function runNotificationJobs({ root, env, runs, duration, profile, waitForQuiet, machineTicks, startServer, stop, machineFacts }) {
  loadBuild();
  const config = loadConfig(env);
  const concurrency = config.WORKER_CONCURRENCY;
  const connection = bullConnection(config, 'producer');
  const redis = new Redis(config.REDIS_URL);
  const queue = new Queue(QUEUE.notifications, connection);
  await queue.waitUntilReady();
  const db = await mysql.createConnection({
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
  });
  await seed(db);
  const sink = await startSmtpSink();
  // Production's settings (k8s/base/configmap.yaml) where they matter: info logging, the default concurrency.
  const childEnv = { WORKER_PORT: String(WORKER_PORT), LOG_LEVEL: 'info' };
  const services = { redis: pidsOf('redis-server'), mariadb: pidsOf('mariadbd') };

  /** Removes every key of the bench's prefix: each measurement starts from an empty Redis. */
  async function clearRedis() {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  const remaining = async () => {
    const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'failed');
    return { left: c.wait + c.active + c.delayed + c.prioritized, waiting: c.wait, failed: c.failed };
  };

  /** One measurement: enqueue `count` jobs, start the worker, warm up, count the jobs done in the window. */
  async function measure(kind, variant, count, nodeArgs = []) {
    await clearRedis();
    const ids = kind === 'ours' ? await pendingNotifications(db, VARIANTS[variant].group, count) : Array.from({ length: count }, () => newId());
    for (let i = 0; i < ids.length; i += 1000) {
      await queue.addBulk(
        ids.slice(i, i + 1000).map((notificationId) => ({
          name: JOB.deliverNotificationEmail,
          data: { notificationId },
          // What JobProducer.enqueueBulk gives a notification's e-mail: the retry policy and the stable job id.
          opts: { ...RETRY_POLICY, jobId: `notification-${notificationId}` },
        })),
      );
    }
    const quiet = await waitForQuiet();
    const smtp = { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}${VARIANTS[variant]?.smtpQuery ?? ''}` };
    const child = startServer(kind === 'ours' ? 'dist/apps/worker/src/main.js' : 'bench/bare-worker.mjs', { ...childEnv, ...smtp }, nodeArgs);
    try {
      const started = Date.now();
      while ((await remaining()).left === count) {
        if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`${kind} worker took no job (exited: ${child.exitCode})`);
        await sleep(10);
      }
      await sleep(WARM_UP_S * 1000);
      const tick = () => ({
        at: Date.now(),
        machine: machineTicks(),
        worker: ticksOf(child.pid),
        self: ticksOf(process.pid),
        redis: services.redis.reduce((s, p) => s + ticksOf(p), 0),
        mariadb: services.mariadb.reduce((s, p) => s + ticksOf(p), 0),
        mails: sink.counts.messages,
        connections: sink.counts.connections,
      });
      const a = { ...tick(), ...(await remaining()) };
      await sleep(duration * 1000);
      const b = { ...(await remaining()), ...tick() };
      const seconds = (b.at - a.at) / 1000;
      // Ticks of all CPUs over the window, divided by the number of CPUs: the window's length in ticks of one core.
      const perCore = (b.machine.total - a.machine.total) / b.machine.cores;
      const use = (k) => Math.round(((b[k] - a[k]) / perCore) * 100) / 100;
      const cpu = {
        worker: use('worker'),
        sinkAndPoller: use('self'),
        redis: use('redis'),
        mariadb: use('mariadb'),
        machine: Math.round(((b.machine.busy - a.machine.busy) / perCore) * 100) / 100,
      };
      cpu.others = Math.round((cpu.machine - cpu.worker - cpu.sinkAndPoller - cpu.redis - cpu.mariadb) * 100) / 100;
      await stop(child);
      const exitAt = Date.now();
      const completed = await queue.getJobs(['completed'], 0, -1);
      const latencies = completed
        .filter((job) => job.finishedOn >= a.at && job.finishedOn <= b.at)
        .map((job) => job.finishedOn - job.processedOn)
        .sort((x, y) => x - y);
      return {
        jobsPerSec: (a.left - b.left) / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        latencySample: latencies.length,
        mailsPerSec: (b.mails - a.mails) / seconds,
        smtpConnectionsPerSec: (b.connections - a.connections) / seconds,
        failed: b.failed,
        drained: b.waiting === 0,
        enqueued: count,
        quietBefore: quiet,
        cpu,
        window: { startMsBeforeExit: exitAt - a.at, endMsBeforeExit: exitAt - b.at },
      };
    } finally {
      if (child.exitCode === null && child.signalCode === null) await stop(child);
    }
  }

  /**
   * Repeats a measurement whose window other processes disturbed, or whose queue ran dry (with more jobs). When
   * every attempt was disturbed, the least disturbed one counts, marked as such.
   */
  async function measureRepeating(kind, variant, count) {
    let best;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await measure(kind, variant, count);
      result.attempts = attempt;
      if (result.drained) {
        console.warn(`${kind} ${variant}: the queue ran dry; repeating with twice the jobs`);
        count = Math.min(2 * count, kind === 'ours' ? NOTIFICATIONS_PER_GROUP : Infinity);
        continue;
      }
      if (result.cpu.others <= DISTURBED_CORES) return result;
      console.warn(`${kind} ${variant}: other processes used ${result.cpu.others} cores during the window; repeating`);
      if (!best || result.cpu.others < best.cpu.others) best = result;
    }
    if (!best) throw new Error(`${kind} ${variant}: the queue ran dry ${MAX_ATTEMPTS} times`);
    best.disturbed = true;
    return best;
  }

  // Enough jobs for the warm-up, the window and the start-up, from the last rate seen (first guesses on top).
  const enough = (rate) => Math.ceil(rate * (WARM_UP_S + duration + 4) * 1.3);
  // Ours and bare alternate: bare runs between the variants of ours, in every run.
  const plan = [
    ['ours', 'deliver'],
    ['ours', 'deliver-pooled'],
    ['bare', 'noop'],
    ['ours', 'skip'],
  ];
  const counts = { 'ours deliver': 20_000, 'ours deliver-pooled': 40_000, 'bare noop': enough(14_000), 'ours skip': 40_000 };
  const results = Object.fromEntries(plan.map(([k, v]) => [`${k} ${v}`, []]));

  if (profile) {
    // A profiled worker is slower: figures of this mode are not reported, only where ours spends its time.
    const dir = `${root}/bench/profiles`;
    for (const variant of Object.keys(VARIANTS)) {
      const result = await measure('ours', variant, counts[`ours ${variant}`], [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        `--cpu-prof-name=worker-${variant}.cpuprofile`,
      ]);
      const summary = summariseProfile(`${dir}/worker-${variant}.cpuprofile`, result.window);
      console.log(`\nprofile of ours, ${variant} (${Math.round(result.jobsPerSec)} jobs/s while profiled), the window only: self time by package`);
      console.table(summary.packages);
      console.log('top functions by self time');
      console.table(summary.functions);
    }
  } else {
    for (let run = 0; run < runs; run++) {
      for (const [kind, variant] of plan) {
        const key = `${kind} ${variant}`;
        const result = await measureRepeating(kind, variant, counts[key]);
        results[key].push(result);
        const fastest = Math.max(...results[key].map((r) => r.jobsPerSec));
        counts[key] = Math.min(enough(fastest), kind === 'ours' ? NOTIFICATIONS_PER_GROUP : Infinity);
        console.log(
          `run ${run + 1}, ${key}: ${Math.round(result.jobsPerSec)} jobs/s, p50 ${result.p50} ms, p99 ${result.p99} ms; cpu ${JSON.stringify(result.cpu)}${result.disturbed ? ' (disturbed)' : ''}`,
        );
      }
    }
    const median = (list) => [...list].sort((x, y) => x.jobsPerSec - y.jobsPerSec)[Math.floor(list.length / 2)];
    const bare = median(results['bare noop']);
    const table = {};
    const summary = { bare: { ...bare, runs: results['bare noop'].map((r) => Math.round(r.jobsPerSec)) } };
    const round = (x) => Math.round(x);
    table.bare = {
      'jobs/s': round(bare.jobsPerSec),
      'p50 ms': bare.p50,
      'p99 ms': bare.p99,
      'mails/s': 0,
      'worker cpu': bare.cpu.worker,
      'redis cpu': bare.cpu.redis,
      'db cpu': bare.cpu.mariadb,
      'ours/bare': '',
      target: '',
      failed: bare.failed,
      disturbed: results['bare noop'].filter((r) => r.disturbed).length,
    };
    for (const variant of Object.keys(VARIANTS)) {
      const ours = median(results[`ours ${variant}`]);
      const ratio = ours.jobsPerSec / bare.jobsPerSec;
      summary[variant] = { ...ours, ratio, target: NOTIFICATION_JOBS_SCENARIO.target, runs: results[`ours ${variant}`].map((r) => Math.round(r.jobsPerSec)) };
      table[variant] = {
        'jobs/s': round(ours.jobsPerSec),
        'p50 ms': ours.p50,
        'p99 ms': ours.p99,
        'mails/s': round(ours.mailsPerSec),
        'worker cpu': ours.cpu.worker,
        'redis cpu': ours.cpu.redis,
        'db cpu': ours.cpu.mariadb,
        'ours/bare': `${(ratio * 100).toFixed(1)} %`,
        target: `≥ ${NOTIFICATION_JOBS_SCENARIO.target * 100} %`,
        failed: ours.failed,
        disturbed: results[`ours ${variant}`].filter((r) => r.disturbed).length,
      };
    }
    console.log(
      `\nnotifications: ${runs} runs of ${duration} s each after ${WARM_UP_S} s of warm-up, median; one worker, concurrency ${concurrency} ` +
        `(WORKER_CONCURRENCY default), DB pool ${config.DB_POOL_SIZE}; worker on CPU 0, enqueuer, poller and SMTP sink on CPU 1; cpu in cores\n`,
    );
    console.log(`  bare     ${'plain BullMQ Worker, no-op processor, same queue, job options and concurrency'}`);
    for (const variant of Object.keys(VARIANTS)) console.log(`  ${variant.padEnd(8)} ${VARIANTS[variant].what}`);
    console.table(table);
    const versionOf = (pkg) => JSON.parse(readFileSync(`${root}/node_modules/${pkg}/package.json`, 'utf8')).version;
    const versions = {
      ...Object.fromEntries(['bullmq', 'ioredis', '@nestjs/core', 'typeorm', 'mysql2', 'nodemailer'].map((pkg) => [pkg, versionOf(pkg)])),
      mariadb: (await db.query('SELECT VERSION() AS v'))[0][0].v,
      redis: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1],
    };
    console.log(JSON.stringify({ scenario: 'notifications', concurrency, dbPool: config.DB_POOL_SIZE, results: summary, versions, ...machineFacts() }));
  }
  await clearRedis();
  await sink.close();
  await queue.close();
  redis.disconnect();
  await db.end();
}

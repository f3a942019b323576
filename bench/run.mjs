#!/usr/bin/env node
// Benchmarks following ../shared/BENCH-METHOD.md: ours (production build of the api) against a bare Fastify
// server in the same run, on the same database; server on CPU 0, load generator on CPU 1; autocannon with
// 100 connections, 3 s warm-up, then 3 runs of 10 s alternating ours/bare; the median run is reported.
// Usage: npm run bench -- <scenario> [--duration 10] [--runs 3]
//   healthz | feature   one route each
//   pets                1,000,000 pets in pets_bench (seeded on first use): GET /pets/{id}, a filtered search,
//                       a text search, a 25 km distance search in London and the filtered search 10,000 rows
//                       deep with a keyset cursor; plus fixed-rate latency probes (docs/search.md)
//   notifications       the worker's notification e-mail jobs vs a bare BullMQ worker of no-op jobs
//                       (bench/notification-jobs.mjs, docs/notifications.md); `--profile` instead writes a CPU
//                       profile of the worker per variant to bench/profiles/ and prints its top costs
//   realtime            Socket.IO: 10,000 idle websockets (RSS) and 1:1 message delivery through POST
//                       /applications/{id}/messages at a fixed rate (p99), vs bare socket.io / Fastify + mysql2 +
//                       socket.io (bench/realtime.mjs, docs/realtime.md); `--profile` instead writes a CPU profile
//                       of the api at 1,000 msg/s; also --idle-only, --delivery-only, --no-search, --rate, --connections
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { NOTIFICATION_JOBS_SCENARIO, runNotificationJobs } from './notification-jobs.mjs';
import { REALTIME_SCENARIO, runRealtime } from './realtime.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const scenarioName = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'healthz';
const duration = option('duration', 10);
const runs = option('runs', 3);
const PETS = 1_000_000;

const FILTERED = '/api/v1/pets?species=dog&size=medium&goodWithChildren=true';
const SCENARIOS = {
  healthz: { cases: [{ name: 'healthz', path: '/healthz', what: 'GET /healthz through the whole Nest stack vs bare hello JSON', target: 0.8 }] },
  feature: {
    cases: [
      {
        name: 'feature',
        path: '/api/v1/features/chat.enabled',
        what: 'GET /features/{feature}: a primary-key read vs the bare server doing the same SQL',
        target: 0.8,
      },
    ],
  },
  pets: {
    database: true,
    cases: [
      { name: 'pet-by-id', what: 'GET /pets/{id}, random published pets', target: 0.8, probe: { rate: 1000, limitMs: { p99: 10 } } },
      { name: 'search-filtered', path: FILTERED, what: 'search: dogs, medium, good with children; first page of 20', target: 0.8 },
      { name: 'search-deep', path: FILTERED, deep: 10_000, what: 'the same search 10,000 rows deep (keyset cursor)', target: 0.8, ofFirstPage: 0.85 },
      { name: 'search-text', path: '/api/v1/pets?q=greyhound', what: 'search: full-text "greyhound", first page', target: 0.8 },
      {
        name: 'search-distance',
        path: '/api/v1/pets?lat=51.5074&lng=-0.1278&radiusKm=25&sort=distance',
        what: 'search: 25 km around central London, nearest 20',
        target: 0.8,
        probe: { rate: 200, limitMs: { p95: 50 } },
      },
    ],
  },
  notifications: NOTIFICATION_JOBS_SCENARIO,
  realtime: REALTIME_SCENARIO,
};
const scenario = SCENARIOS[scenarioName];
if (!scenario) {
  console.error(`unknown scenario ${scenarioName}; one of ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(64);
}

const env = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DB_USER: 'pets',
  DB_PASSWORD: 'pets-dev-password',
  DB_NAME: scenario.databaseName ?? 'pets_bench',
  DB_POOL_SIZE: '10',
  REDIS_PREFIX: scenario.redisPrefix ?? 'pets-bench',
  API_PORT: '3200',
  HOST: '127.0.0.1',
  BARE_PORT: '3100',
  JWT_SECRET: 'benchmark-only-jwt-secret-0123456789abcdef',
  TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  RATE_LIMIT_PER_MINUTE: '100000000',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntilUp(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/** CPU time of the whole machine so far, in clock ticks summed over all cores (from /proc/stat). */
function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.reduce((a, b) => a + b, 0);
  return { idle, busy: total - idle, total, cores: cpus().length };
}

/** Busy CPU time of the whole machine, in cores, over the next `ms`. */
async function busyCores(ms = 1000) {
  const a = machineTicks();
  await sleep(ms);
  const b = machineTicks();
  return (1 - (b.idle - a.idle) / (b.total - a.total)) * cpus().length;
}

/** BENCH-METHOD: start a run only when other work uses under ~30 % of a core (the idle server adds next to nothing). */
async function waitForQuiet() {
  for (let i = 0; i < 30; i++) if ((await busyCores()) < 0.3) return true;
  console.warn('warning: the machine stayed busy for 30 s; measuring anyway (figures of this run are noisier)');
  return false;
}

function startServer(script, extraEnv = {}, nodeArgs = []) {
  // The server is pinned to CPU 0; autocannon runs in this process, pinned to CPU 1 below.
  return spawn('taskset', ['-c', '0', process.execPath, ...nodeArgs, script], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** A request list for autocannon: a fixed path, or one of `ids` at random for GET /pets/{id}. */
function requestsOf(testCase, ids) {
  if (testCase.path) return undefined;
  return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/pets/${ids[Math.floor(Math.random() * ids.length)]}` }) }];
}

async function load(base, testCase, seconds, ids) {
  const result = await autocannon({
    url: base + (testCase.path ?? '/'),
    requests: requestsOf(testCase, ids),
    connections: 100,
    pipelining: 1,
    duration: seconds,
  });
  const l = result.latency;
  return { reqPerSec: result.requests.average, p50: l.p50, p90: l.p90, p97_5: l.p97_5, p99: l.p99, non2xx: result.non2xx, errors: result.errors };
}

/**
 * Latency at a fixed offered rate, open loop: requests leave on a steady schedule whatever the answers do (an
 * autocannon rate spreads over its 100 connections in bursts), over keep-alive connections; each latency is
 * measured from its send. Gives the percentiles the targets name (p95, p99).
 */
async function probe(base, testCase, ids, rate, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const { hostname, port } = new URL(base);
  const total = Math.round(rate * seconds);
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const start = performance.now();
  await new Promise((allDone) => {
    let finished = 0;
    const done = () => ++finished === total && allDone();
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      for (; sent < due; sent++) {
        const path = testCase.path ?? `/api/v1/pets/${ids[Math.floor(Math.random() * ids.length)]}`;
        const sentAt = performance.now();
        const request = http.get({ hostname, port, path, agent }, (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - sentAt);
            if (response.statusCode >= 300) non2xx++;
            done();
          });
        });
        request.on('error', () => {
          errors++;
          done();
        });
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10;
  return { offered: rate, achieved: Math.round(latencies.length / elapsed), p50: at(50), p95: at(95), p99: at(99), max: at(100), non2xx, errors };
}

execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
execFileSync('bash', ['tools/prepare-services.sh'], { cwd: root, env, stdio: 'inherit' });
execFileSync('mariadb', ['-e', `CREATE DATABASE IF NOT EXISTS ${env.DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`], { stdio: 'inherit' });
execFileSync('npm', ['run', '-s', 'build'], { cwd: root, env, stdio: 'inherit' });
execFileSync(process.execPath, ['dist/libs/database/src/cli.js', 'migrate'], { cwd: root, env, stdio: 'inherit' });

const machineFacts = (extra = {}) => ({ node: process.version, nproc: cpus().length, cpu: cpus()[0]?.model, date: new Date().toISOString(), ...extra });
if (scenario.jobs) {
  await runNotificationJobs({ root, env, runs, duration, profile: args.includes('--profile'), waitForQuiet, machineTicks, startServer, stop, machineFacts });
  process.exit(0);
}
if (scenario.realtime) {
  await runRealtime({ root, env, args, runs, duration, waitForQuiet, startServer, stop, machineFacts });
  process.exit(0);
}

const servers = {
  ours: { script: 'dist/apps/api/src/main.js', base: `http://127.0.0.1:${env.API_PORT}` },
  bare: { script: 'bench/bare-server.mjs', base: `http://127.0.0.1:${env.BARE_PORT}` },
};

let ids = [];
let bufferPool = null;
if (scenario.database) {
  const db = await mysql.createConnection({ host: '127.0.0.1', user: env.DB_USER, password: env.DB_PASSWORD, database: env.DB_NAME });
  const [[{ pets }]] = await db.query('SELECT COUNT(*) AS pets FROM pets');
  if (Number(pets) !== PETS) {
    // A partial or different data set is replaced: every figure in docs/search.md is for exactly this seed.
    console.log(`${env.DB_NAME} has ${pets} pets, not ${PETS}: seeding (a few minutes)`);
    await db.query(`DROP DATABASE ${env.DB_NAME}`);
    execFileSync(process.execPath, ['dist/apps/api/src/seed/seed.js', '--pets', String(PETS), '--database', env.DB_NAME, '--seed', '1'], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    await db.changeUser({ database: env.DB_NAME });
  }
  const [rows] = await db.query("SELECT id FROM pets WHERE listing_status = 'published' AND deleted_at IS NULL ORDER BY RAND(42) LIMIT 20000");
  ids = rows.map((r) => r.id);
  const [[pool]] = await db.query(
    'SELECT @@innodb_buffer_pool_size AS size, (SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = DATABASE()) AS data',
  );
  bufferPool = { bytes: Number(pool.size), dataBytes: Number(pool.data) };
  if (bufferPool.bytes < bufferPool.dataBytes) {
    console.warn(
      `warning: innodb_buffer_pool_size (${(bufferPool.bytes / 2 ** 20).toFixed(0)} MiB) is smaller than the data and indexes ` +
        `(${(bufferPool.dataBytes / 2 ** 20).toFixed(0)} MiB); BENCH-METHOD's figures assume they fit (as root: SET GLOBAL innodb_buffer_pool_size = 4294967296)`,
    );
  }
  await db.end();

  // The deep case starts from a cursor the api itself issued after 10,000 rows.
  for (const testCase of scenario.cases.filter((c) => c.deep)) {
    const child = startServer(servers.ours.script);
    try {
      await waitUntilUp(`${servers.ours.base}/healthz`);
      let cursor = null;
      for (let read = 0; read < testCase.deep; read += 100) {
        const page = await (await fetch(`${servers.ours.base}${testCase.path}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
        cursor = page.nextCursor;
      }
      testCase.path = `${testCase.path}&cursor=${cursor}`;
    } finally {
      await stop(child);
    }
  }
}

const results = Object.fromEntries(scenario.cases.map((c) => [c.name, { ours: [], bare: [], probe: {} }]));
for (let run = 0; run < runs; run++) {
  for (const name of ['ours', 'bare']) {
    const server = servers[name];
    const child = startServer(server.script);
    try {
      await waitUntilUp(`${server.base}/healthz`);
      for (const testCase of scenario.cases) {
        await waitForQuiet();
        await load(server.base, testCase, 3, ids); // warm-up
        results[testCase.name][name].push(await load(server.base, testCase, duration, ids));
        // Latency at a fixed offered rate (BENCH-METHOD's latency targets), once, on the last run.
        if (testCase.probe && run === runs - 1) {
          await waitForQuiet();
          results[testCase.name].probe[name] = await probe(server.base, testCase, ids, testCase.probe.rate, duration);
        }
      }
    } finally {
      await stop(child);
    }
  }
}

const median = (list) => [...list].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(list.length / 2)];
const machine = machineFacts({ bufferPool });
const summary = {};
const table = {};
for (const testCase of scenario.cases) {
  const ours = median(results[testCase.name].ours);
  const bare = median(results[testCase.name].bare);
  const ratio = ours.reqPerSec / bare.reqPerSec;
  const runsOf = (list) => list.map((r) => Math.round(r.reqPerSec));
  summary[testCase.name] = {
    ours,
    bare,
    ratio,
    target: testCase.target,
    runs: { ours: runsOf(results[testCase.name].ours), bare: runsOf(results[testCase.name].bare) },
    probe: results[testCase.name].probe,
  };
  table[testCase.name] = {
    'ours req/s': Math.round(ours.reqPerSec),
    'ours p50': ours.p50,
    'ours p99': ours.p99,
    'bare req/s': Math.round(bare.reqPerSec),
    'bare p50': bare.p50,
    'bare p99': bare.p99,
    'ours/bare': `${(ratio * 100).toFixed(1)} %`,
    target: `≥ ${testCase.target * 100} %`,
    'non-2xx': ours.non2xx + bare.non2xx,
    errors: ours.errors + bare.errors,
  };
}
console.log(
  `\n${scenarioName}: ${runs} runs of ${duration} s each, median; 100 connections; pool ${env.DB_POOL_SIZE} connections each; server on CPU 0, load on CPU 1\n`,
);
for (const testCase of scenario.cases) console.log(`  ${testCase.name.padEnd(16)} ${testCase.what}`);
console.table(table);
for (const testCase of scenario.cases) {
  if (testCase.ofFirstPage) {
    const first = summary[scenario.cases.find((c) => c.path && !c.deep && testCase.path.startsWith(c.path)).name].ours.reqPerSec;
    const deep = summary[testCase.name].ours.reqPerSec;
    summary[testCase.name].ofFirstPage = deep / first;
    console.log(`${testCase.name}: ours deep / ours first page = ${((deep / first) * 100).toFixed(1)} % (target ≥ ${testCase.ofFirstPage * 100} %)`);
  }
  const probe = results[testCase.name].probe;
  if (testCase.probe) {
    for (const name of ['ours', 'bare']) {
      const p = probe[name];
      if (!p) continue;
      const limits = Object.entries(testCase.probe.limitMs)
        .map(([k, v]) => `${k} ${p[k]} ms ${p[k] <= v ? '≤' : '>'} ${v} ms`)
        .join(', ');
      console.log(
        `${testCase.name} at ${p.offered} req/s offered, ${name}: ${p.achieved} req/s answered; p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms, max ${p.max} ms; ${limits}`,
      );
    }
  }
}
console.log(JSON.stringify({ scenario: scenarioName, results: summary, ...machine }));

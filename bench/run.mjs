#!/usr/bin/env node
// Benchmarks following ../shared/BENCH-METHOD.md: ours (production build of the api) against a bare Fastify
// server in the same run, on the same database; server on CPU 0, load generator on CPU 1; autocannon with
// 100 connections, 3 s warm-up, then 3 runs of 10 s alternating ours/bare; the median run is reported.
// Usage: npm run bench -- <scenario> [--duration 10] [--runs 3]
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const scenarioName = args.find((a) => !a.startsWith('--')) ?? 'healthz';
const duration = option('duration', 10);
const runs = option('runs', 3);

const SCENARIOS = {
  healthz: { path: '/healthz', what: 'GET /healthz through the whole Nest stack vs bare hello JSON', target: 0.8 },
  feature: { path: '/api/v1/features/chat.enabled', what: 'GET /features/{feature}: a primary-key read vs the bare server doing the same SQL', target: 0.8 },
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
  DB_NAME: 'pets_bench',
  DB_POOL_SIZE: '10',
  REDIS_PREFIX: 'pets-bench',
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
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

async function waitForQuiet() {
  for (let i = 0; i < 30 && loadavg()[0] > 0.3 * cpus().length + 0.5; i++) await sleep(1000);
}

function startServer(script) {
  // The server is pinned to CPU 0; autocannon runs in this process, pinned to CPU 1 below.
  return spawn('taskset', ['-c', '0', process.execPath, script], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function load(url, seconds) {
  const result = await autocannon({ url, connections: 100, pipelining: 1, duration: seconds });
  return { reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
execFileSync('bash', ['tools/prepare-services.sh'], { cwd: root, env, stdio: 'inherit' });
execFileSync('mariadb', ['-e', `CREATE DATABASE IF NOT EXISTS ${env.DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`], { stdio: 'inherit' });
execFileSync('npm', ['run', '-s', 'build'], { cwd: root, env, stdio: 'inherit' });
execFileSync(process.execPath, ['dist/libs/database/src/cli.js', 'migrate'], { cwd: root, env, stdio: 'inherit' });

const servers = {
  ours: { script: 'dist/apps/api/src/main.js', base: `http://127.0.0.1:${env.API_PORT}` },
  bare: { script: 'bench/bare-server.mjs', base: `http://127.0.0.1:${env.BARE_PORT}` },
};
const results = { ours: [], bare: [] };
for (let run = 0; run < runs; run++) {
  for (const name of ['ours', 'bare']) {
    const server = servers[name];
    const child = startServer(server.script);
    try {
      await waitUntilUp(`${server.base}/healthz`);
      await waitForQuiet();
      await load(server.base + scenario.path, 3); // warm-up
      results[name].push(await load(server.base + scenario.path, duration));
    } finally {
      await stop(child);
    }
  }
}

const median = (list) => [...list].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(list.length / 2)];
const ours = median(results.ours);
const bare = median(results.bare);
const ratio = ours.reqPerSec / bare.reqPerSec;
const versions = { node: process.version, nproc: cpus().length, cpu: cpus()[0]?.model, date: new Date().toISOString() };
console.log(`\n${scenario.what}\n(pool ${env.DB_POOL_SIZE} connections each; ${runs} runs of ${duration} s, median; 100 connections)\n`);
console.table({
  ours: { 'req/s': Math.round(ours.reqPerSec), 'p50 ms': ours.p50, 'p99 ms': ours.p99, 'non-2xx': ours.non2xx, errors: ours.errors },
  bare: { 'req/s': Math.round(bare.reqPerSec), 'p50 ms': bare.p50, 'p99 ms': bare.p99, 'non-2xx': bare.non2xx, errors: bare.errors },
});
console.log(`ours/bare = ${(ratio * 100).toFixed(1)} % (target ≥ ${scenario.target * 100} %)`);
console.log(JSON.stringify({ scenario: scenarioName, ours, bare, ratio, target: scenario.target, ...versions }));

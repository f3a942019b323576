// The `realtime` scenario of bench/run.mjs (BENCH-METHOD.md: "Socket.IO: 10,000 idle connections ≤ 300 MB; 1:1
// delivery p99 ≤ 15 ms at 1,000 msg/s including the database insert"; docs/realtime.md, "Benchmark").
// In the same run, alternating ours / bare, on a database of its own (pets_bench_realtime, seeded on first use):
//   idle      ours: the real api (dist/apps/api/src/main.js, production config, LOG_LEVEL info) with 10,000
//             authenticated websockets on /realtime, each with the access token of a distinct user (minted with
//             the api's own AccessTokenService and the same JWT_* settings; the gateway reads no table on connect);
//             bare: plain socket.io on node:http (bench/bare-realtime-idle.mjs), no auth, same namespace and
//             options. The server's RSS (/proc) and V8 heap (ours: /metrics, bare: /stats) before the sockets
//             and after they sat idle through a ping round (IDLE_S), and the cost per connection.
//   delivery  PAIRS applications, each between its applicant and the one staff member of its own rescue, both
//             connected. The applicant POSTs /api/v1/applications/{id}/messages (the real path: bearer check,
//             rate limit, validation, access check, message and notification rows, commit, e-mail job, Redis
//             signal, relay, emit) at a fixed offered rate, open model; the staff member's socket receives
//             `application.message`; latency = receipt − send start, in the one load process.
//             bare: Fastify + mysql2 + socket.io doing the access check, the two inserts and the emits
//             (bench/bare-realtime-server.mjs). First, once per server, the highest sustainable rate (bisection:
//             ≥ 95 % delivered at the offered rate, nothing lost or failed, p99 ≤ 15 ms); then every run measures
//             1,000 msg/s and ours' sustainable rate on both servers.
// Server on CPU 0; the load processes (bench/realtime-clients.mjs) inherit this process's CPU 1; MariaDB and Redis
// unpinned. `--profile` instead writes a CPU profile of the api at the target rate to bench/profiles/ and prints
// its top costs by package and function.
// Options: --runs 3 --duration 10 --connections 10000 --idle-seconds 30 --rate 1000 --idle-only --delivery-only --no-search
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { summariseProfile } from './cpu-profile.mjs';
import { pidsOf, rssOf, ticksOf } from './process-stats.mjs';

export const REALTIME_SCENARIO = { realtime: true, databaseName: 'pets_bench_realtime', redisPrefix: 'pets-bench-realtime' };

const require = createRequire(import.meta.url);
const PAIRS = 500;
const SEED_PETS = 3000;
const IDLE_S = 30; // socket.io's ping interval is 25 s: the idle window spans one ping round
const CLIENT_PROCESSES = 2;
const TARGET = { idleRssMb: 300, rate: 1000, p99Ms: 15 };
const SEARCH = { warmUpS: 2, durationS: 5, maxRate: 2000, minStep: 25, delivered: 0.95 };
const MB = 2 ** 20;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntilUp(url, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/** A load process (bench/realtime-clients.mjs) and a request/answer call over its IPC channel. */
function startClients(root) {
  const child = spawn(process.execPath, ['--max-old-space-size=4096', 'bench/realtime-clients.mjs'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const call = (message) =>
    new Promise((resolve, reject) => {
      child.once('message', (answer) => (answer.ok ? resolve(answer.result) : reject(new Error(answer.error))));
      child.send(message);
    });
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    await call({ cmd: 'close' }).catch(() => child.kill());
    await exited;
  };
  return { child, call, close };
}

const median = (list, key) => [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)];
const mb = (bytes) => Math.round((bytes / MB) * 10) / 10;

export async function runRealtime({ root, env, args, runs, duration, waitForQuiet, startServer, stop, machineFacts }) {
  const { loadConfig } = require('../dist/libs/common/src/config/app-config.js');
  const { newId } = require('../dist/libs/common/src/ids/uuid.js');
  const { AccessTokenService, accessTokenJwtOptions } = require('../dist/apps/api/src/modules/auth/access-token.service.js');
  const { CORE_QUESTION_SET_ID, CORE_SAMPLE_ANSWERS } = require('../dist/libs/database/src/reference/core-questions.js');
  const { JwtService } = require('@nestjs/jwt');

  const flag = (name) => args.includes(`--${name}`);
  const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
  const connections = option('connections', 10_000);
  const idleSeconds = option('idle-seconds', IDLE_S);
  const targetRate = option('rate', TARGET.rate);
  const profile = flag('profile');
  const doIdle = !flag('delivery-only') && !profile;
  const doDelivery = !flag('idle-only');

  // Production's settings (k8s/base/configmap.yaml) where they matter: info logging, pool of 10; a short drain so
  // that stopping the server between measurements does not wait (not measured).
  const serverEnv = { LOG_LEVEL: 'info', SHUTDOWN_DRAIN_MS: '200' };
  const config = loadConfig({ ...env, ...serverEnv });
  const tokens = new AccessTokenService(new JwtService(accessTokenJwtOptions(config)), config);
  const mint = (userId, role) => tokens.issue({ userId, sessionId: newId(), role }).token;
  const db = await mysql.createConnection({
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
  });
  const redis = new Redis(config.REDIS_URL);
  const services = { redis: pidsOf('redis-server'), mariadb: pidsOf('mariadbd') };

  const servers = {
    ours: { script: 'dist/apps/api/src/main.js', port: config.API_PORT, heap: heapOfOurs },
    bare: { script: null, port: Number(env.BARE_PORT), heap: heapOfBare },
  };
  const baseOf = (kind) => `http://127.0.0.1:${servers[kind].port}`;
  async function heapOfOurs() {
    const text = await (await fetch(`${baseOf('ours')}/metrics`)).text();
    return Number(/^nodejs_heap_size_used_bytes\{[^}]*\} (\S+)/m.exec(text)?.[1] ?? NaN);
  }
  async function heapOfBare() {
    return (await (await fetch(`${baseOf('bare')}/stats`)).json()).heapUsed;
  }

  async function clearRedis() {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async function start(kind, script, nodeArgs = []) {
    await clearRedis();
    const child = startServer(script, serverEnv, nodeArgs);
    await waitUntilUp(`${baseOf(kind)}/healthz`, child);
    return child;
  }

  // ---------------------------------------------------------------------------------------------- idle
  async function measureIdle(kind) {
    const quiet = await waitForQuiet();
    const child = await start(kind, kind === 'ours' ? servers.ours.script : 'bench/bare-realtime-idle.mjs');
    const clients = Array.from({ length: CLIENT_PROCESSES }, () => startClients(root));
    try {
      const url = `${baseOf(kind)}/realtime`;
      // Warm-up: 200 sockets opened and closed, so that both servers have loaded and compiled their paths.
      const warm = Array.from({ length: 200 }, () => mint(newId(), 'adopter'));
      const warmClients = startClients(root);
      await warmClients.call({ cmd: 'connect', url, tokens: warm });
      await warmClients.close();
      await sleep(3000);
      const before = { rss: rssOf(child.pid), heap: await servers[kind].heap() };
      const perProcess = Math.ceil(connections / CLIENT_PROCESSES);
      const batches = clients.map((_, p) => Array.from({ length: Math.min(perProcess, connections - p * perProcess) }, () => mint(newId(), 'adopter')));
      const started = Date.now();
      const opened = await Promise.all(clients.map((c, p) => c.call({ cmd: 'connect', url, tokens: batches[p] })));
      const connectS = (Date.now() - started) / 1000;
      let maxRss = 0;
      for (let s = 0; s < idleSeconds; s++) {
        await sleep(1000);
        maxRss = Math.max(maxRss, rssOf(child.pid));
      }
      const after = { rss: rssOf(child.pid), heap: await servers[kind].heap() };
      const counts = await Promise.all(clients.map((c) => c.call({ cmd: 'count' })));
      const connected = opened.reduce((s, o) => s + o.connected, 0);
      const errors = Object.assign({}, ...opened.map((o) => o.errors));
      return {
        quietBefore: quiet,
        connected,
        failed: connections - connected,
        errors,
        openAtEnd: counts.reduce((s, c) => s + c.open, 0),
        connectPerSec: Math.round(connected / connectS),
        rssBeforeMb: mb(before.rss),
        rssAfterMb: mb(after.rss),
        rssMaxMb: mb(maxRss),
        heapBeforeMb: mb(before.heap),
        heapAfterMb: mb(after.heap),
        perConnectionKb: Math.round(((after.rss - before.rss) / Math.max(1, connected) / 1024) * 10) / 10,
        heapPerConnectionKb: Math.round(((after.heap - before.heap) / Math.max(1, connected) / 1024) * 10) / 10,
      };
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await stop(child);
    }
  }

  // ------------------------------------------------------------------------------------------ delivery
  const pairs = await seed();

  /** PAIRS rescues of one staff member each, an applicant each, an application each, on pets of the seed. */
  async function seed() {
    if (!doDelivery) return [];
    const [[{ n }]] = await db.query(
      "SELECT COUNT(*) AS n FROM applications a JOIN users u ON u.id = a.applicant_id WHERE u.email LIKE 'rt-applicant-%@bench.example'",
    );
    if (Number(n) !== PAIRS) {
      console.log(
        `seeding ${config.DB_NAME}: ${SEED_PETS} pets (bench seed), ${PAIRS} rescues with one staff member each, ${PAIRS} applicants and applications`,
      );
      require('node:child_process').execFileSync(
        process.execPath,
        ['dist/apps/api/src/seed/seed.js', '--pets', String(SEED_PETS), '--database', config.DB_NAME, '--seed', '1'],
        {
          cwd: root,
          env,
          stdio: 'inherit',
        },
      );
      for (const table of ['application_messages', 'notifications', 'application_status_history', 'application_references', 'applications'])
        await db.query(`DELETE FROM ${table}`);
      await db.query("DELETE s FROM rescue_staff s JOIN users u ON u.id = s.user_id WHERE u.email LIKE 'rt-%@bench.example'");
      await db.query("DELETE FROM users WHERE email LIKE 'rt-%@bench.example'");
      const [pets] = await db.query(
        "SELECT id, rescue_id FROM pets WHERE owner_type = 'rescue' AND listing_status = 'published' AND availability = 'available' AND deleted_at IS NULL ORDER BY id LIMIT ?",
        [PAIRS],
      );
      if (pets.length < PAIRS) throw new Error(`only ${pets.length} rescue pets to apply for; seed more pets`);
      for (let i = 0; i < PAIRS; i++) {
        const rescueId = newId();
        const staffId = newId();
        const applicantId = newId();
        // A copy of the pet's rescue under a new id, which then owns the pet: one thread per staff member.
        await db.query(
          `INSERT INTO rescues (id, name, description, email, phone, website, city, region, postcode, country, status, verified_at, settings)
           SELECT ?, CONCAT('Bench Rescue ', ?), description, CONCAT('rt-rescue-', ?, '@bench.example'), phone, website, city, region, postcode, country, status, verified_at, settings
             FROM rescues WHERE id = ?`,
          [rescueId, i, i, pets[i].rescue_id],
        );
        await db.query('UPDATE pets SET rescue_id = ? WHERE id = ?', [rescueId, pets[i].id]);
        await db.query(
          `INSERT INTO users (id, email, email_verified_at, password_hash, name, role, status) VALUES
             (?, ?, CURRENT_TIMESTAMP(3), 'not-a-hash', ?, 'adopter', 'active'), (?, ?, CURRENT_TIMESTAMP(3), 'not-a-hash', ?, 'rescue_staff', 'active')`,
          [applicantId, `rt-applicant-${i}@bench.example`, `Applicant ${i}`, staffId, `rt-staff-${i}@bench.example`, `Staff ${i}`],
        );
        await db.query("INSERT INTO rescue_staff (rescue_id, user_id, role) VALUES (?, ?, 'staff')", [rescueId, staffId]);
        await db.query(
          `INSERT INTO applications (id, pet_id, applicant_id, owner_type, rescue_id, question_set_id, answers, status, active_pet_id)
           VALUES (?, ?, ?, 'rescue', ?, ?, ?, 'under_review', ?)`,
          [newId(), pets[i].id, applicantId, rescueId, CORE_QUESTION_SET_ID, JSON.stringify(CORE_SAMPLE_ANSWERS), pets[i].id],
        );
      }
      await db.query('ANALYZE TABLE users, rescues, rescue_staff, pets, applications');
    }
    const [rows] = await db.query(
      `SELECT a.id AS applicationId, a.applicant_id AS applicantId, s.user_id AS staffId
         FROM applications a JOIN users u ON u.id = a.applicant_id JOIN rescue_staff s ON s.rescue_id = a.rescue_id
        WHERE u.email LIKE 'rt-applicant-%@bench.example' ORDER BY u.email`,
    );
    return rows;
  }

  const questions = async () => Number((await db.query("SHOW GLOBAL STATUS LIKE 'Questions'"))[0][0].Value);

  /** A server with both sides of every pair connected; `measure(rate)` offers `rate` messages per second. */
  async function deliveryServer(kind, nodeArgs = []) {
    const child = await start(kind, kind === 'ours' ? servers.ours.script : 'bench/bare-realtime-server.mjs', nodeArgs);
    const clients = startClients(root);
    // Sockets 0..PAIRS-1: the applicants (senders); PAIRS..2*PAIRS-1: the staff (receivers).
    const senders = pairs.map((p) => mint(p.applicantId, 'adopter'));
    const receivers = pairs.map((p) => mint(p.staffId, 'rescue_staff'));
    const opened = await clients.call({ cmd: 'connect', url: `${baseOf(kind)}/realtime`, tokens: [...senders, ...receivers] });
    if (opened.failed) throw new Error(`${kind}: ${opened.failed} sockets refused: ${JSON.stringify(opened.errors)}`);
    const plan = pairs.map((p, i) => ({ applicationId: p.applicationId, senderToken: senders[i], senderIndex: i, receiverIndex: PAIRS + i }));
    let measurements = 0;
    const measure = async (rate, { warmUpS = 3, durationS = duration } = {}) => {
      await db.query('TRUNCATE TABLE application_messages');
      await db.query('TRUNCATE TABLE notifications');
      const quiet = await waitForQuiet();
      const tick = () => ({
        at: Date.now(),
        server: ticksOf(child.pid),
        clients: ticksOf(clients.child.pid),
        mariadb: services.mariadb.reduce((s, p) => s + ticksOf(p), 0),
        redis: services.redis.reduce((s, p) => s + ticksOf(p), 0),
      });
      const q0 = await questions();
      const a = tick();
      const result = await clients.call({ cmd: 'deliver', base: baseOf(kind), pairs: plan, rate, warmUpS, durationS, tag: `rt${measurements++}` });
      const b = tick();
      const q1 = await questions();
      const hz = 100; // clock ticks per second (USER_HZ)
      const seconds = (b.at - a.at) / 1000;
      const cores = (k) => Math.round(((b[k] - a[k]) / hz / seconds) * 100) / 100;
      return {
        ...result,
        quietBefore: quiet,
        cpu: { server: cores('server'), clients: cores('clients'), mariadb: cores('mariadb'), redis: cores('redis') },
        statementsPerMessage: Math.round(((q1 - q0 - 2) / Math.round(rate * (warmUpS + durationS))) * 10) / 10,
      };
    };
    const close = async () => {
      await clients.close();
      await stop(child);
    };
    return { child, measure, close };
  }

  const sustained = (r, rate) =>
    r.lost === 0 &&
    r.failed === 0 &&
    r.unanswered === 0 &&
    r.delivered >= SEARCH.delivered * r.measured &&
    r.achieved >= SEARCH.delivered * rate &&
    r.p99 <= TARGET.p99Ms;

  /** The highest rate the server sustains (see `sustained`), by bisection between 0 and SEARCH.maxRate. */
  async function search(kind) {
    const server = await deliveryServer(kind);
    const steps = [];
    try {
      let lo = 0;
      let hi = SEARCH.maxRate;
      let rate = targetRate;
      while (hi - lo > Math.max(SEARCH.minStep, lo * 0.05)) {
        const r = await server.measure(rate, SEARCH);
        const ok = sustained(r, rate);
        const keptUp = r.lost === 0 && r.failed === 0 && r.unanswered === 0 && r.achieved >= SEARCH.delivered * rate;
        steps.push({ rate, ok, keptUp, achieved: r.achieved, p50: r.p50, p99: r.p99, lost: r.lost, failed: r.failed, serverCpu: r.cpu.server });
        console.log(
          `  search ${kind}: ${rate} msg/s offered → ${r.achieved} delivered/s, p99 ${r.p99} ms, lost ${r.lost}, failed ${r.failed}, server cpu ${r.cpu.server}: ${ok ? 'sustained' : 'not sustained'}`,
        );
        if (ok) lo = rate;
        else hi = Math.min(rate, Math.max(lo, r.achieved) * 1.25 || rate);
        rate = Math.round((lo + hi) / 2 / 5) * 5;
        if (rate <= lo || rate >= hi) break;
      }
      // The highest rate it kept up with (delivered ≈ offered, nothing lost) whatever the latency: on a noisy
      // machine the p99 bound can fail at every rate while the throughput is still plain to see.
      const keptUp = Math.max(0, ...steps.filter((s) => s.keptUp).map((s) => s.rate));
      return { rate: lo, keptUp, steps };
    } finally {
      await server.close();
    }
  }

  const facts = {
    connections,
    pairs: PAIRS,
    idleSeconds,
    dbPool: config.DB_POOL_SIZE,
    logLevel: serverEnv.LOG_LEVEL,
    flushLogAtTrxCommit: Number((await db.query('SELECT @@innodb_flush_log_at_trx_commit AS v'))[0][0].v),
  };
  const versionOf = (pkg) => JSON.parse(readFileSync(`${root}/node_modules/${pkg}/package.json`, 'utf8')).version;
  const versions = {
    ...Object.fromEntries(
      ['socket.io', 'socket.io-client', 'engine.io', 'ws', '@nestjs/core', '@nestjs/platform-socket.io', 'fastify', 'typeorm', 'mysql2', 'bullmq'].map(
        (pkg) => [pkg, versionOf(pkg)],
      ),
    ),
    mariadb: (await db.query('SELECT VERSION() AS v'))[0][0].v,
    redis: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1],
  };

  if (profile) {
    // A profiled api is slower: only where it spends its time is reported, at the target rate.
    const dir = `${root}/bench/profiles`;
    const server = await deliveryServer('ours', ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=api-realtime-delivery.cpuprofile']);
    let r;
    let window;
    try {
      const startedAt = Date.now();
      r = await server.measure(targetRate);
      const endedAt = Date.now();
      await server.close();
      const exitAt = Date.now();
      // The window: from the end of the warm-up to the end of the sends' answers and deliveries.
      window = { startMsBeforeExit: exitAt - (startedAt + 3000), endMsBeforeExit: exitAt - endedAt };
    } catch (error) {
      await server.close();
      throw error;
    }
    const summary = summariseProfile(`${dir}/api-realtime-delivery.cpuprofile`, window, 20);
    console.log(
      `\nprofile of ours at ${targetRate} msg/s offered (${r.achieved} delivered/s while profiled, server cpu ${r.cpu.server} cores, ~${r.statementsPerMessage} SQL statements per message): self time by package`,
    );
    console.table(summary.packages);
    console.log('top functions by self time');
    console.table(summary.functions);
    console.log(
      JSON.stringify({ scenario: 'realtime', mode: 'profile', rate: targetRate, delivery: r, profile: summary, ...facts, versions, ...machineFacts() }),
    );
  } else {
    const results = { idle: { ours: [], bare: [] }, search: {}, delivery: {} };
    let rates = [];
    if (doDelivery) {
      if (flag('no-search')) rates = [targetRate];
      else {
        console.log('delivery: highest sustainable rate, once per server (bisection, 5 s windows)');
        for (const kind of ['ours', 'bare']) results.search[kind] = await search(kind);
        rates = [...new Set([targetRate, results.search.ours.rate].filter((r) => r > 0))];
      }
      for (const rate of rates) results.delivery[rate] = { ours: [], bare: [] };
    }
    for (let run = 0; run < runs; run++) {
      for (const kind of ['ours', 'bare']) {
        if (doIdle) {
          const r = await measureIdle(kind);
          results.idle[kind].push(r);
          console.log(
            `run ${run + 1}, idle ${kind}: ${r.connected} connected (${r.openAtEnd} open at the end), RSS ${r.rssBeforeMb} → ${r.rssAfterMb} MB (max ${r.rssMaxMb}), heap ${r.heapBeforeMb} → ${r.heapAfterMb} MB, ${r.perConnectionKb} KB per connection`,
          );
        }
        if (rates.length) {
          const server = await deliveryServer(kind);
          try {
            for (const rate of rates) {
              const r = await server.measure(rate);
              results.delivery[rate][kind].push(r);
              console.log(
                `run ${run + 1}, delivery ${kind} at ${rate} msg/s: ${r.achieved} delivered/s, p50 ${r.p50} ms, p99 ${r.p99} ms, lost ${r.lost}, failed ${r.failed}; cpu ${JSON.stringify(r.cpu)}; ~${r.statementsPerMessage} statements/message`,
              );
            }
          } finally {
            await server.close();
          }
        }
      }
    }

    // ------------------------------------------------------------------------------------------- report
    const summary = { idle: {}, search: results.search, delivery: {} };
    console.log(`\nrealtime: ${runs} runs, median; server on CPU 0, load processes on CPU 1; DB pool ${config.DB_POOL_SIZE}; LOG_LEVEL ${serverEnv.LOG_LEVEL}`);
    if (doIdle) {
      const table = {};
      for (const kind of ['ours', 'bare']) {
        const m = median(results.idle[kind], 'rssAfterMb');
        summary.idle[kind] = { ...m, runs: results.idle[kind].map((r) => r.rssAfterMb) };
        table[kind] = {
          connected: m.connected,
          'open at end': m.openAtEnd,
          'RSS before MB': m.rssBeforeMb,
          'RSS after MB': m.rssAfterMb,
          'RSS max MB': m.rssMaxMb,
          'heap before MB': m.heapBeforeMb,
          'heap after MB': m.heapAfterMb,
          'KB/conn (RSS)': m.perConnectionKb,
          'KB/conn (heap)': m.heapPerConnectionKb,
          'conn/s': m.connectPerSec,
        };
      }
      const ours = summary.idle.ours;
      const bare = summary.idle.bare;
      summary.idle.ratio = { rss: ours.rssAfterMb / bare.rssAfterMb, perConnection: ours.perConnectionKb / bare.perConnectionKb };
      summary.idle.target = { rssMb: TARGET.idleRssMb, met: ours.rssAfterMb <= TARGET.idleRssMb && ours.openAtEnd === connections };
      console.log(`\nidle: ${connections} websockets on /realtime, ${idleSeconds} s idle; ours = the api, bare = plain socket.io on node:http`);
      console.table(table);
      console.log(
        `idle: ours / bare RSS ${(summary.idle.ratio.rss * 100).toFixed(0)} %, per connection ${(summary.idle.ratio.perConnection * 100).toFixed(0)} %; ` +
          `ours ${ours.rssAfterMb} MB with ${ours.openAtEnd} sockets ${summary.idle.target.met ? '≤' : '>'} ${TARGET.idleRssMb} MB: target ${summary.idle.target.met ? 'met' : 'NOT met'}`,
      );
    }
    if (rates.length) {
      const table = {};
      for (const rate of rates) {
        summary.delivery[rate] = {};
        for (const kind of ['ours', 'bare']) {
          const m = median(results.delivery[rate][kind], 'p99');
          summary.delivery[rate][kind] = { ...m, runs: results.delivery[rate][kind].map((r) => ({ achieved: r.achieved, p99: r.p99 })) };
          table[`${kind} @ ${rate}`] = {
            'delivered/s': m.achieved,
            'p50 ms': m.p50,
            'p95 ms': m.p95,
            'p99 ms': m.p99,
            'max ms': m.max,
            'POST p99 ms': m.httpP99,
            lost: m.lost,
            failed: m.failed + m.unanswered,
            'server cpu': m.cpu.server,
            'db cpu': m.cpu.mariadb,
            'redis cpu': m.cpu.redis,
            'load cpu': m.cpu.clients,
            'stmts/msg': m.statementsPerMessage,
          };
        }
        const o = summary.delivery[rate].ours;
        summary.delivery[rate].met = o.achieved >= SEARCH.delivered * rate && o.lost === 0 && o.failed === 0 && o.p99 <= TARGET.p99Ms;
      }
      console.log(
        `\ndelivery: ${PAIRS} pairs (applicant POSTs, the rescue's staff member's socket receives), open model, 3 s warm-up + ${duration} s; latency = socket receipt − POST start`,
      );
      console.table(table);
      if (results.search.ours) {
        const so = results.search.ours.rate;
        const sb = results.search.bare.rate;
        summary.sustainable = {
          ours: so,
          bare: sb,
          ratio: sb ? so / sb : null,
          bareCapped: sb >= SEARCH.maxRate,
          keptUp: { ours: results.search.ours.keptUp, bare: results.search.bare.keptUp },
        };
        console.log(
          `highest rate kept up with in the search (≥ ${SEARCH.delivered * 100} % delivered, nothing lost, any latency): ours ${results.search.ours.keptUp} msg/s, bare ${results.search.bare.keptUp} msg/s`,
        );
        console.log(
          `highest sustainable rate (≥ ${SEARCH.delivered * 100} % delivered, nothing lost, p99 ≤ ${TARGET.p99Ms} ms): ours ${so} msg/s, bare ${sb}${sb >= SEARCH.maxRate ? '+ (search cap)' : ''} msg/s, ours/bare ${sb ? ((so / sb) * 100).toFixed(0) : '-'} %`,
        );
      }
      const at = summary.delivery[targetRate];
      if (at)
        console.log(
          `target: p99 ≤ ${TARGET.p99Ms} ms at ${targetRate} msg/s: ours p99 ${at.ours.p99} ms, ${at.ours.achieved} delivered/s: ${at.met ? 'met' : 'NOT met'}`,
        );
    }
    console.log(JSON.stringify({ scenario: 'realtime', results: summary, ...facts, versions, ...machineFacts() }));
  }
  await clearRedis();
  redis.disconnect();
  await db.end();
}

// Load process of the `realtime` scenario (bench/realtime.mjs): Socket.IO clients and, for delivery, the sender.
// Started by bench/realtime.mjs with an IPC channel; it inherits that process's CPU pinning (CPU 1). Commands:
//   { cmd: 'connect', url, tokens, concurrency }  opens one websocket per token (socket.io-client, transports
//                                                  ['websocket'], no multiplexing, no reconnection); answers
//                                                  { connected, failed, errors, ms }
//   { cmd: 'count' }                               { open, disconnects }: sockets still open, and how many closed
//   { cmd: 'deliver', base, pairs, rate, warmUpS, durationS, tag }
//        pairs: [{ applicationId, senderToken, receiverIndex }] where receiverIndex is the socket (from `connect`)
//        of the thread's other side. POSTs /api/v1/applications/{id}/messages at `rate` per second, open model
//        (each send leaves at its scheduled time whatever earlier ones do; up to 100 keep-alive connections, like
//        autocannon's 100), body "<tag>:<seq>"; the receiver's `application.message` gives the latency
//        receipt − send start, on this process's clock. Answers with the figures of the sends after the warm-up.
//   { cmd: 'close' }                               closes every socket and exits
import http from 'node:http';
import { io } from 'socket.io-client';

const sockets = [];
let disconnects = 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One socket; resolves when connected, rejects on connect_error (with the server's error body if any). */
function open(url, token, index) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false, timeout: 60_000 });
    socket.once('connect', () => {
      socket.on('disconnect', () => disconnects++);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`${index}: ${error.data?.code ?? error.message}`));
    });
  });
}

async function connect({ url, tokens, concurrency = 100 }) {
  const started = performance.now();
  const base = sockets.length;
  let next = 0;
  let failed = 0;
  const errors = new Map();
  async function lane() {
    while (next < tokens.length) {
      const i = next++;
      try {
        sockets[base + i] = await open(url, tokens[i], base + i);
      } catch (error) {
        failed++;
        const key = String(error.message).replace(/^\d+: /, '');
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { connected: tokens.length - failed, failed, errors: Object.fromEntries(errors), ms: Math.round(performance.now() - started) };
}

const percentile = (sorted, p) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100 : null);

async function deliver({ base, pairs, rate, warmUpS, durationS, tag, responseTimeoutMs = 120_000, graceMs = 3000 }) {
  const { hostname, port } = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  const total = Math.round(rate * (warmUpS + durationS));
  const firstMeasured = Math.round(rate * warmUpS);
  const sentAt = new Float64Array(total);
  const answeredAt = new Float64Array(total);
  const receivedAt = new Float64Array(total);
  const status = new Int16Array(total);
  let answered = 0;
  let maxLag = 0;
  let echoes = 0;
  let notifications = 0;
  const prefix = `${tag}:`;
  // The receiver of each pair times the message; the sender's own socket (the thread's other reader) and the
  // notification that comes with it are counted, so that every emit of the real path is received somewhere.
  const listeners = [];
  const receivers = new Set(pairs.map((p) => p.receiverIndex));
  for (const pair of pairs) {
    const receiver = sockets[pair.receiverIndex];
    const onMessage = (event) => {
      const body = event?.message?.body;
      if (typeof body !== 'string' || !body.startsWith(prefix)) return;
      const seq = Number(body.slice(prefix.length));
      if (receivedAt[seq] === 0) receivedAt[seq] = performance.now();
    };
    receiver.on('application.message', onMessage);
    listeners.push([receiver, 'application.message', onMessage]);
    const sender = sockets[pair.senderIndex];
    if (sender && !receivers.has(pair.senderIndex)) {
      const onEcho = () => echoes++;
      sender.on('application.message', onEcho);
      listeners.push([sender, 'application.message', onEcho]);
    }
    const onNotification = () => notifications++;
    receiver.on('notification.created', onNotification);
    listeners.push([receiver, 'notification.created', onNotification]);
  }

  const send = (seq) => {
    const pair = pairs[seq % pairs.length];
    const payload = JSON.stringify({ body: `${prefix}${seq}` });
    sentAt[seq] = performance.now();
    const request = http.request(
      {
        hostname,
        port,
        agent,
        method: 'POST',
        path: `/api/v1/applications/${pair.applicationId}/messages`,
        headers: { authorization: `Bearer ${pair.senderToken}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          answeredAt[seq] = performance.now();
          status[seq] = response.statusCode;
          answered++;
        });
      },
    );
    request.on('error', () => {
      answeredAt[seq] = performance.now();
      status[seq] = -1;
      answered++;
    });
    request.end(payload);
  };

  const start = performance.now();
  let sent = 0;
  await new Promise((scheduled) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
      if (due > sent) maxLag = Math.max(maxLag, now - (start + ((due - 1) / rate) * 1000));
      for (; sent < due; sent++) send(sent);
      if (sent < total) setTimeout(tick, 1);
      else scheduled();
    };
    tick();
  });
  const scheduleEnd = performance.now();
  while (answered < total && performance.now() - scheduleEnd < responseTimeoutMs) await sleep(20);
  // Socket deliveries of the last answered sends: until all arrived, or a grace period after the last answer.
  const allAnswered = performance.now();
  const ok = (seq) => status[seq] === 201;
  const pendingDelivery = () => {
    for (let seq = firstMeasured; seq < total; seq++) if (ok(seq) && receivedAt[seq] === 0) return true;
    return false;
  };
  while (pendingDelivery() && performance.now() - allAnswered < graceMs) await sleep(20);
  for (const [socket, event, listener] of listeners) socket.off(event, listener);
  agent.destroy();

  const latencies = [];
  const httpLatencies = [];
  let lost = 0;
  let failed = 0;
  let unanswered = 0;
  let lastReceipt = 0;
  const statuses = {};
  for (let seq = firstMeasured; seq < total; seq++) {
    if (answeredAt[seq] === 0) {
      unanswered++;
      continue;
    }
    httpLatencies.push(answeredAt[seq] - sentAt[seq]);
    if (!ok(seq)) {
      failed++;
      statuses[status[seq]] = (statuses[status[seq]] ?? 0) + 1;
      continue;
    }
    if (receivedAt[seq] === 0) {
      lost++;
      continue;
    }
    latencies.push(receivedAt[seq] - sentAt[seq]);
    lastReceipt = Math.max(lastReceipt, receivedAt[seq]);
  }
  latencies.sort((a, b) => a - b);
  httpLatencies.sort((a, b) => a - b);
  const windowStart = start + warmUpS * 1000;
  // Deliveries over the time from the window's first scheduled send to the last receipt: the rate the whole path
  // kept up (when saturated, the backlog's drain is inside this time, so this is the path's capacity).
  const elapsedS = Math.max(durationS, (lastReceipt - windowStart) / 1000);
  return {
    offered: rate,
    measured: total - firstMeasured,
    delivered: latencies.length,
    achieved: Math.round(latencies.length / elapsedS),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    httpP50: percentile(httpLatencies, 50),
    httpP99: percentile(httpLatencies, 99),
    lost,
    failed,
    statuses,
    unanswered,
    echoes,
    notifications,
    maxScheduleLagMs: Math.round(maxLag * 10) / 10,
    spanS: Math.round(((lastReceipt || performance.now()) - start) / 100) / 10,
  };
}

process.on('message', async (message) => {
  try {
    switch (message.cmd) {
      case 'connect':
        process.send({ ok: true, result: await connect(message) });
        return;
      case 'count':
        process.send({ ok: true, result: { open: sockets.filter((s) => s?.connected).length, disconnects } });
        return;
      case 'deliver':
        process.send({ ok: true, result: await deliver(message) });
        return;
      case 'close':
        for (const socket of sockets) socket?.close();
        process.send({ ok: true, result: {} });
        setTimeout(() => process.exit(0), 50);
        return;
    }
  } catch (error) {
    process.send({ ok: false, error: String(error?.stack ?? error) });
  }
});

import { createRootLogger, exitGracefullyOnSignal, JsonLogger, ShutdownState } from '@app/common';
import type { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi } from '../support/api';
import { openTestDataSource } from '../support/db';
import { waitFor } from '../support/worker';

async function get(url: string): Promise<number | string> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause?.code ?? 'ERROR') as string;
  }
}

describe('graceful shutdown', () => {
  let locker: DataSource | undefined;
  afterAll(async () => {
    await locker?.query('UNLOCK TABLES').catch(() => undefined);
    await locker?.destroy();
  });

  it('turns unready at once, refuses new work with 503, finishes in-flight requests, then exits', async () => {
    const api = await startApi({ SHUTDOWN_DRAIN_MS: '400' });
    let exitCode: number | undefined;
    const exited = new Promise<void>((resolve) => {
      exitGracefullyOnSignal({
        app: api.app,
        shutdown: api.app.get(ShutdownState),
        logger: new JsonLogger(createRootLogger({ level: 'silent', service: 'test' })),
        drainMs: api.config.SHUTDOWN_DRAIN_MS,
        timeoutMs: api.config.SHUTDOWN_TIMEOUT_MS,
        exit: (code) => {
          exitCode = code;
          resolve();
        },
        signals: ['SIGUSR2'],
      });
    });
    // Ready once its first checks answered (on a loaded machine the first one may miss its 1.5 s timeout).
    expect(await waitFor(async () => (await get(`${api.baseUrl}/readyz`)) === 200, 10_000, 'readiness')).toBe(true);

    // Hold a table lock so that a request is still in flight when the server starts closing.
    locker = await openTestDataSource();
    const runner = locker.createQueryRunner();
    await runner.connect();
    await runner.query('LOCK TABLES feature_flags WRITE');
    const inFlight = get(`${api.baseUrl}/api/v1/features`);
    await new Promise((resolve) => setTimeout(resolve, 100));

    process.kill(process.pid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await get(`${api.baseUrl}/readyz`)).toBe(503);
    expect(await get(`${api.baseUrl}/api/v1/config`)).toBe(503);
    expect(await get(`${api.baseUrl}/healthz`)).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 600)); // past the drain delay: the server is closing
    expect(exitCode).toBeUndefined(); // still waiting for the in-flight request
    await runner.query('UNLOCK TABLES');
    await runner.release();

    expect(await inFlight).toBe(200);
    await exited;
    expect(exitCode).toBe(0);
    expect(await get(`${api.baseUrl}/healthz`)).toBe('ECONNREFUSED');
  });

  it('loses no accepted request under load', async () => {
    // The drain must outlast the event loop's lag under load: a request still unread when the server closes its
    // idle connections is reset, as a load balancer would see it if it kept routing after the drain.
    const api = await startApi({ SHUTDOWN_DRAIN_MS: '1000' });
    const exited = new Promise<number>((resolve) => {
      exitGracefullyOnSignal({
        app: api.app,
        shutdown: api.app.get(ShutdownState),
        logger: new JsonLogger(createRootLogger({ level: 'silent', service: 'test' })),
        drainMs: api.config.SHUTDOWN_DRAIN_MS,
        timeoutMs: api.config.SHUTDOWN_TIMEOUT_MS,
        exit: resolve,
        signals: ['SIGUSR2'],
      });
    });
    const outcomes: Array<number | string> = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const outcome = await get(`${api.baseUrl}/api/v1/features`);
        outcomes.push(outcome);
        // Like a load balancer: a 503 takes this instance out of rotation.
        if (outcome === 503 || outcome === 'ECONNREFUSED') break;
      }
    };
    const clients = Array.from({ length: 20 }, client);
    // The signal comes under load: once the clients have been served (not after a fixed time, which a busy machine
    // may spend on fewer requests).
    const served = () => outcomes.filter((o) => o === 200).length;
    await waitFor(async () => served() > 20, 10_000, 'the clients to be served');
    process.kill(process.pid, 'SIGUSR2');
    expect(await exited).toBe(0);
    stop = true;
    await Promise.all(clients);
    // Every request either completed, was refused with 503 while draining, or was never accepted.
    const unexpected = outcomes.filter((o) => o !== 200 && o !== 503 && o !== 'ECONNREFUSED');
    expect(unexpected).toEqual([]);
    expect(outcomes).toContain(503);
  });
});

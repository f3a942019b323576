import { getDataSourceToken } from '@nestjs/typeorm';
import { AuditLogEntity, AuditService } from '@app/audit';
import { requestContext, newId, type DomainError } from '@app/common';
import { inTransaction, updateWithVersion } from '@app/database';
import { JOB, JobProducer } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeatureFlagEntity } from '../../apps/api/src/modules/features/feature-flag.entity';
import { IdempotencyService } from '../../apps/api/src/modules/idempotency/idempotency.service';
import { startApi, type TestApi } from '../support/api';

let api: TestApi;
let dataSource: DataSource;
beforeAll(async () => {
  api = await startApi();
  dataSource = api.app.get<DataSource>(getDataSourceToken());
});
afterAll(() => api.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function insertFlag(key: string): Promise<void> {
  await dataSource.query('INSERT INTO feature_flags (`key`, enabled, description) VALUES (?, 0, ?)', [key, 'test flag']);
}

describe('optimistic update helper', () => {
  it('applies a change at the expected version and bumps version and updatedAt', async () => {
    const key = `opt.${newId().slice(-8)}`;
    await insertFlag(key);
    const before = await dataSource.getRepository(FeatureFlagEntity).findOneByOrFail({ key });
    await sleep(5);
    const version = await updateWithVersion(dataSource.manager, {
      entity: FeatureFlagEntity,
      resource: 'Feature',
      id: key,
      idColumn: 'key',
      expectedVersion: 1,
      changes: { enabled: true },
    });
    const after = await dataSource.getRepository(FeatureFlagEntity).findOneByOrFail({ key });
    expect(version).toBe(2);
    expect(after).toMatchObject({ enabled: true, version: 2 });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    // Millisecond precision: truncated to whole seconds, every stamp would end in .000 (3 in a row by chance: 1e-9).
    const milliseconds = [after.updatedAt.getMilliseconds()];
    for (let expectedVersion = 2; expectedVersion <= 3; expectedVersion++) {
      await sleep(3);
      await updateWithVersion(dataSource.manager, {
        entity: FeatureFlagEntity,
        resource: 'Feature',
        id: key,
        idColumn: 'key',
        expectedVersion,
        changes: { enabled: expectedVersion % 2 === 0 },
      });
      milliseconds.push((await dataSource.getRepository(FeatureFlagEntity).findOneByOrFail({ key })).updatedAt.getMilliseconds());
    }
    expect(milliseconds.some((ms) => ms !== 0)).toBe(true);
  });

  it('rejects a stale version with VERSION_CONFLICT carrying the current version, changing nothing', async () => {
    const key = `opt.${newId().slice(-8)}`;
    await insertFlag(key);
    await updateWithVersion(dataSource.manager, {
      entity: FeatureFlagEntity,
      resource: 'Feature',
      id: key,
      idColumn: 'key',
      expectedVersion: 1,
      changes: { description: 'first' },
    });
    const stale = updateWithVersion(dataSource.manager, {
      entity: FeatureFlagEntity,
      resource: 'Feature',
      id: key,
      idColumn: 'key',
      expectedVersion: 1,
      changes: { description: 'second' },
    });
    await expect(stale).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await dataSource.getRepository(FeatureFlagEntity).findOneByOrFail({ key })).description).toBe('first');
  });

  it('lets exactly one of many concurrent updates with the same version win', async () => {
    const key = `opt.${newId().slice(-8)}`;
    await insertFlag(key);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        updateWithVersion(dataSource.manager, {
          entity: FeatureFlagEntity,
          resource: 'Feature',
          id: key,
          idColumn: 'key',
          expectedVersion: 1,
          changes: { description: `writer ${i}` },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'VERSION_CONFLICT')).toBe(true);
    expect((await dataSource.getRepository(FeatureFlagEntity).findOneByOrFail({ key })).version).toBe(2);
  });

  it('answers NOT_FOUND for a missing row', async () => {
    await expect(
      updateWithVersion(dataSource.manager, {
        entity: FeatureFlagEntity,
        resource: 'Feature',
        id: 'no.such',
        idColumn: 'key',
        expectedVersion: 1,
        changes: { enabled: true },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('idempotency store', () => {
  const scope = () => ({ caller: 'user-1', operation: 'createThing', key: `key-${newId()}` });
  const createFlag = (key: string) => async (tx: Parameters<Parameters<IdempotencyService['execute']>[2]>[0]) => {
    await tx.manager.query('INSERT INTO feature_flags (`key`, description) VALUES (?, ?)', [key, 'created once']);
    return { status: 201, body: { key, createdAt: new Date().toISOString() } };
  };

  it('replays the first response byte for byte and performs the change once', async () => {
    const s = scope();
    const flag = `idem.${newId().slice(-8)}`;
    const first = await api.app.get(IdempotencyService).execute(s, { name: 'x', n: 1 }, createFlag(flag));
    await sleep(5);
    const replay = await api.app.get(IdempotencyService).execute(s, { n: 1, name: 'x' }, createFlag(flag));
    expect(first.replayed).toBe(false);
    expect(replay).toEqual({ status: 201, body: first.body, replayed: true });
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM feature_flags WHERE `key` = ?', [flag])).toEqual([{ n: '1' }]);
  });

  it('rejects the same key with a different body with IDEMPOTENCY_KEY_REUSED', async () => {
    const s = scope();
    await api.app.get(IdempotencyService).execute(s, { a: 1 }, createFlag(`idem.${newId().slice(-8)}`));
    await expect(api.app.get(IdempotencyService).execute(s, { a: 2 }, createFlag(`idem.${newId().slice(-8)}`))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('answers 409 to a retry while the first request is still running, and keeps one change', async () => {
    const s = scope();
    const flag = `idem.${newId().slice(-8)}`;
    const slow = api.app.get(IdempotencyService).execute(s, { a: 1 }, async (tx) => {
      const result = await createFlag(flag)(tx);
      await sleep(3000);
      return result;
    });
    await sleep(200);
    const concurrent = api.app.get(IdempotencyService).execute(s, { a: 1 }, createFlag(flag));
    await expect(concurrent).rejects.toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' } satisfies Partial<DomainError>);
    await slow;
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM feature_flags WHERE `key` = ?', [flag])).toEqual([{ n: '1' }]);
  });

  it('keeps nothing when the business change fails, so the key may be retried', async () => {
    const s = scope();
    await expect(
      api.app.get(IdempotencyService).execute(s, { a: 1 }, async () => {
        throw new Error('validation of the business rule failed');
      }),
    ).rejects.toThrow();
    const flag = `idem.${newId().slice(-8)}`;
    const retry = await api.app.get(IdempotencyService).execute(s, { a: 1 }, createFlag(flag));
    expect(retry.replayed).toBe(false);
  });

  it('scopes keys per caller', async () => {
    const key = `key-${newId()}`;
    const a = await api.app.get(IdempotencyService).execute({ caller: 'alice', operation: 'op', key }, { a: 1 }, createFlag(`idem.${newId().slice(-8)}`));
    const b = await api.app.get(IdempotencyService).execute({ caller: 'bob', operation: 'op', key }, { a: 1 }, createFlag(`idem.${newId().slice(-8)}`));
    expect(a.replayed || b.replayed).toBe(false);
  });
});

describe('audit service', () => {
  it('writes the entry in the business transaction with the request id, ip and actor of the request', async () => {
    const targetId = newId();
    await requestContext.run({ requestId: 'req-audit-1', ip: '203.0.113.9', actorId: 'actor-1' }, () =>
      inTransaction(dataSource, (tx) =>
        api.app.get(AuditService).record(tx, { action: 'feature.updated', targetType: 'feature', targetId, before: { a: 1 }, after: { a: 2 } }),
      ),
    );
    const row = await dataSource.getRepository(AuditLogEntity).findOneByOrFail({ targetId });
    expect(row).toMatchObject({
      action: 'feature.updated',
      actorId: 'actor-1',
      requestId: 'req-audit-1',
      ip: '203.0.113.9',
      beforeState: { a: 1 },
      afterState: { a: 2 },
    });
  });

  it('rolls the entry back with a failed business transaction', async () => {
    const targetId = newId();
    await expect(
      inTransaction(dataSource, async (tx) => {
        await api.app.get(AuditService).record(tx, { action: 'x.changed', targetType: 'x', targetId });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect(await dataSource.getRepository(AuditLogEntity).findOneBy({ targetId })).toBeNull();
  });

  it('queues the entry for the worker when the write fails, after the business transaction commits', async () => {
    const producer = api.app.get(JobProducer);
    const enqueue = vi.spyOn(producer, 'enqueue');
    const targetId = newId();
    // A target id longer than its column makes this one insert fail while the transaction goes on.
    await inTransaction(dataSource, async (tx) => {
      await api.app.get(AuditService).record(tx, { action: 'x.changed', targetType: 'x', targetId: `${targetId}${'x'.repeat(80)}` });
      expect(enqueue).not.toHaveBeenCalled();
    });
    expect(enqueue).toHaveBeenCalledWith(
      JOB.writeAuditEntry,
      expect.objectContaining({ action: 'x.changed' }),
      expect.objectContaining({ jobId: expect.any(String) }),
    );
    enqueue.mockRestore();
  });
});

describe('inTransaction', () => {
  it('retries the victim of a deadlock: two transactions locking two rows in opposite orders both commit', async () => {
    const [first, second] = [`deadlock.a.${newId().slice(-8)}`, `deadlock.b.${newId().slice(-8)}`];
    await insertFlag(first);
    await insertFlag(second);
    let attempts = 0;
    const crossing = (from: string, to: string) =>
      inTransaction(dataSource, async (tx) => {
        attempts++;
        await tx.manager.query('UPDATE feature_flags SET enabled = 1 - enabled WHERE `key` = ?', [from]);
        await sleep(150); // both hold their first row now
        await tx.manager.query('UPDATE feature_flags SET enabled = 1 - enabled WHERE `key` = ?', [to]);
      });
    await Promise.all([crossing(first, second), crossing(second, first)]);
    // InnoDB aborted one of them as the deadlock victim; its retry ran after the other committed.
    expect(attempts).toBeGreaterThanOrEqual(3);
    const flags = await dataSource.getRepository(FeatureFlagEntity).findBy([{ key: first }, { key: second }]);
    expect(flags.map((flag) => flag.enabled)).toEqual([false, false]); // each flag flipped twice
  });
});

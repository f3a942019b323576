import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { ContractRoute } from '@app/common';
import { operations } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { FakeIdempotency } from '../../../../../test/support/fake-idempotency';
import { Idempotent, IdempotencyInterceptor, type UnitOfWork } from './idempotency.interceptor';

class Routes {
  @ContractRoute(operations.inviteRescueStaff)
  @Idempotent()
  invite(): void {}

  @ContractRoute(operations.submitApplication)
  @Idempotent({ required: true })
  submit(): void {}
}

const ada: Principal = { userId: 'user-ada', role: 'rescue_admin', sessionId: 'session-1' };
const bob: Principal = { userId: 'user-bob', role: 'rescue_admin', sessionId: 'session-2' };

interface Call {
  handler?: keyof Routes;
  principal?: Principal;
  key?: string;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
}

function setup() {
  const transactions: TransactionContext[] = [];
  const idempotency = new FakeIdempotency((work) => {
    const tx: TransactionContext = { manager: null as never, afterCommit: () => undefined };
    transactions.push(tx);
    return work(tx);
  });
  const interceptor = new IdempotencyInterceptor(idempotency.asService(), new Reflector());
  const ran: TransactionContext[] = [];
  const work: UnitOfWork<{ id: number }> = async (tx) => {
    ran.push(tx);
    return { id: ran.length };
  };

  async function call({ handler = 'invite', principal = ada, key, params = { rescueId: 'rescue-1' }, body = { email: 'a@example.org', role: 'staff' } }: Call) {
    const reply = { statusCode: 0, headers: {} as Record<string, string> };
    const fastifyReply = {
      status(code: number) {
        reply.statusCode = code;
        return this;
      },
      header(name: string, value: string) {
        reply.headers[name] = value;
        return this;
      },
    };
    const request = { principal, params, body, headers: key === undefined ? {} : { 'idempotency-key': key } };
    const context = {
      getHandler: () => Routes.prototype[handler],
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => fastifyReply }),
    } as unknown as ExecutionContext;
    const text = await lastValueFrom(await interceptor.intercept(context, { handle: () => of(work) }));
    return { text, ...reply };
  }

  return { call, ran, transactions };
}

describe('IdempotencyInterceptor', () => {
  it('runs the work once per key, in the transaction that stores its answer, and replays the JSON text with its status', async () => {
    const { call, ran, transactions } = setup();
    const first = await call({ key: 'key-12345678' });
    const again = await call({ key: 'key-12345678' });
    expect(first).toEqual({ text: '{"id":1}', statusCode: 201, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(again).toEqual(first);
    expect(ran).toEqual([transactions[0]]);
  });

  it('refuses the key with another body, or with other path parameters (IDEMPOTENCY_KEY_REUSED)', async () => {
    const { call, ran } = setup();
    await call({ key: 'key-12345678' });
    await expect(call({ key: 'key-12345678', body: { email: 'b@example.org', role: 'staff' } })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(call({ key: 'key-12345678', params: { rescueId: 'rescue-2' } })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(ran).toHaveLength(1);
  });

  it('keeps the keys of different callers apart', async () => {
    const { call, ran } = setup();
    await call({ key: 'key-12345678', principal: ada });
    const other = await call({ key: 'key-12345678', principal: bob });
    expect(other.text).toBe('{"id":2}');
    expect(ran).toHaveLength(2);
  });

  it('without a key runs the work each time, in a transaction of its own', async () => {
    const { call, ran, transactions } = setup();
    expect((await call({})).text).toBe('{"id":1}');
    expect((await call({})).text).toBe('{"id":2}');
    expect(ran).toEqual(transactions);
  });

  it('refuses a malformed key, and a missing one where the operation requires it, before any work runs (VALIDATION_FAILED)', async () => {
    const { call, ran } = setup();
    await expect(call({ key: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'Idempotency-Key', constraints: { pattern: expect.any(String) } }] },
    });
    await expect(call({ key: 'key with spaces' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(call({ handler: 'submit' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'Idempotency-Key', constraints: { required: expect.any(String) } }] },
    });
    expect(ran).toEqual([]);
    expect((await call({ handler: 'submit', key: 'key-12345678' })).statusCode).toBe(201);
  });
});

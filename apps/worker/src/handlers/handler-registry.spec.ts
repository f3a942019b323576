import { JOB, JOB_PAYLOADS } from '@app/jobs';
import type { DiscoveryService } from '@nestjs/core';
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { HandlerRegistry, registryProblems } from './handler-registry';
import { HandlesJob, type JobHandler } from './job-handler';

const oneHandlerEach = () => new Map<string, string[]>(Object.values(JOB).map((name) => [name, [`Handler of ${name}`]]));

/** A registry over one stand-in handler per job name, as the worker module would provide them. */
function registryOverEveryJob(): { registry: HandlerRegistry; handlers: Map<string, JobHandler> } {
  const handlers = new Map<string, JobHandler>();
  const providers = Object.values(JOB).map((name) => {
    class StandIn implements JobHandler {
      async handle() {}
    }
    HandlesJob(name)(StandIn);
    const instance = new StandIn();
    handlers.set(name, instance);
    return { instance, metatype: StandIn };
  });
  const registry = new HandlerRegistry({ getProviders: () => providers } as unknown as DiscoveryService);
  registry.onModuleInit();
  return { registry, handlers };
}

describe('registryProblems', () => {
  it('finds none when every job name has a payload schema and one handler', () => {
    expect(registryProblems(oneHandlerEach(), JOB_PAYLOADS)).toEqual([]);
  });

  it('refuses a job name without a payload schema', () => {
    const { [JOB.sendEmail]: _left, ...schemas } = JOB_PAYLOADS;
    expect(registryProblems(oneHandlerEach(), schemas)).toEqual([`no payload schema for job "${JOB.sendEmail}"`]);
  });

  it('refuses a job name without a handler, with two, and a handler for no job', () => {
    const handlers = oneHandlerEach();
    handlers.delete(JOB.sendEmail);
    handlers.set(JOB.writeAuditEntry, ['A', 'B']);
    handlers.set('audit.unknown', ['C']);
    expect(registryProblems(handlers, JOB_PAYLOADS)).toEqual([
      `no handler for job "${JOB.sendEmail}"`,
      `job "${JOB.writeAuditEntry}" has 2 handlers: A, B`,
      'handler for unknown job "audit.unknown"',
    ]);
  });
});

describe('HandlerRegistry.handlerOf', () => {
  const { registry, handlers } = registryOverEveryJob();

  it('gives the handler of a job whose payload fits its schema', () => {
    expect(registry.handlerOf(JOB.purgeNotifications, {})).toBe(handlers.get(JOB.purgeNotifications));
  });

  it('fails a poison payload as unrecoverable, saying what is wrong, before its handler runs', () => {
    const poison = () => registry.handlerOf(JOB.deliverNotificationEmail, { notificationId: "1' OR 1=1" });
    expect(poison).toThrow(UnrecoverableError);
    expect(poison).toThrow('invalid payload: notificationId must be an id (UUIDv7)');
  });

  it('fails a job nobody handles as unrecoverable', () => {
    expect(() => registry.handlerOf('audit.unknown', {})).toThrow(new UnrecoverableError('no handler for job "audit.unknown"'));
  });
});

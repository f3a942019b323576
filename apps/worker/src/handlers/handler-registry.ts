import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { invalidPayloadReason, JOB, JOB_PAYLOADS, type JobName } from '@app/jobs';
import { UnrecoverableError } from 'bullmq';
import { HANDLES_JOB, type JobHandler } from './job-handler';

export class HandlerRegistryError extends Error {}

/**
 * Why the worker cannot start: a job name without a payload schema or a handler, with two handlers, or a handler
 * for a name that is no job.
 */
export function registryProblems(handlerClasses: ReadonlyMap<string, string[]>, schemas: Partial<Record<string, unknown>>): string[] {
  const names: string[] = Object.values(JOB);
  return [
    ...names.filter((name) => !schemas[name]).map((name) => `no payload schema for job "${name}"`),
    ...names.filter((name) => !handlerClasses.has(name)).map((name) => `no handler for job "${name}"`),
    ...[...handlerClasses]
      .filter(([, classes]) => classes.length > 1)
      .map(([name, classes]) => `job "${name}" has ${classes.length} handlers: ${classes.join(', ')}`),
    ...[...handlerClasses.keys()].filter((name) => !names.includes(name)).map((name) => `handler for unknown job "${name}"`),
  ];
}

/** Maps job names to handlers. The worker refuses to start when a job name has no payload schema, no handler or two. */
@Injectable()
export class HandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const name = Reflect.getMetadata(HANDLES_JOB, metatype) as JobName | undefined;
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), metatype.name]);
      this.handlers.set(name, instance as JobHandler);
    }
    const problems = registryProblems(found, JOB_PAYLOADS);
    if (problems.length > 0) throw new HandlerRegistryError(`Refusing to start the worker:\n  ${problems.join('\n  ')}`);
  }

  /**
   * The handler of a job, once its payload is known to fit the job's schema. Throws UnrecoverableError for an
   * unknown job name or a payload that does not fit: such a poison job fails at once, without retries.
   */
  handlerOf(name: string, payload: unknown): JobHandler {
    const handler = this.handlers.get(name as JobName);
    if (!handler) throw new UnrecoverableError(`no handler for job "${name}"`);
    const invalid = invalidPayloadReason(name as JobName, payload);
    if (invalid) throw new UnrecoverableError(`invalid payload: ${invalid}`);
    return handler;
  }
}

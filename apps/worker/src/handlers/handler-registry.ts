import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB, type JobName } from '@app/jobs';
import { HANDLES_JOB, type JobHandler } from './job-handler';

export class HandlerRegistryError extends Error {}

/** Maps job names to handlers. The worker refuses to start when a job name has no handler or two. */
@Injectable()
export class HandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const name = Reflect.getMetadata(HANDLES_JOB, metatype) as JobName | undefined;
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), metatype.name]);
      this.handlers.set(name, instance as JobHandler);
    }
    const problems = [
      ...Object.values(JOB).filter((name) => !found.has(name)).map((name) => `no handler for job "${name}"`),
      ...[...found].filter(([, classes]) => classes.length > 1).map(([name, classes]) => `job "${name}" has ${classes.length} handlers: ${classes.join(', ')}`),
      ...[...found.keys()].filter((name) => !Object.values(JOB).includes(name)).map((name) => `handler for unknown job "${name}"`),
    ];
    if (problems.length > 0) throw new HandlerRegistryError(`Refusing to start the worker:\n  ${problems.join('\n  ')}`);
  }

  get(name: string): JobHandler | undefined {
    return this.handlers.get(name as JobName);
  }
}

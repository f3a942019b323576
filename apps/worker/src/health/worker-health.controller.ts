import { Controller, Get, Header } from '@nestjs/common';
import { ReadinessService } from '@app/database';
import type { HealthStatusDto } from '@app/contracts';
import { Registry } from 'prom-client';

/** The worker's only HTTP surface: probes and metrics, with the same semantics as the api's. */
@Controller()
export class WorkerHealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly metrics: Registry,
  ) {}

  @Get('healthz')
  liveness(): HealthStatusDto {
    return this.readiness.liveness();
  }

  @Get('readyz')
  ready(): Promise<HealthStatusDto> {
    return this.readiness.readiness();
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.metrics();
  }
}

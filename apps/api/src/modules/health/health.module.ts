// Owns the probes Kubernetes calls (/healthz, /readyz) and the Prometheus endpoint (/metrics).
import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ReadinessService } from '@app/database';
import { MetricsController } from './metrics.controller';

@Module({ controllers: [HealthController, MetricsController], providers: [ReadinessService] })
export class HealthModule {}

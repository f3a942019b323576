import { Controller } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import { operations, type HealthStatusDto } from '@app/contracts';
import { ReadinessService } from '@app/database';

@Controller()
export class HealthController {
  constructor(private readonly health: ReadinessService) {}

  @ContractRoute(operations.getLiveness)
  getLiveness(): HealthStatusDto {
    return this.health.liveness();
  }

  @ContractRoute(operations.getReadiness)
  getReadiness(): Promise<HealthStatusDto> {
    return this.health.readiness();
  }
}

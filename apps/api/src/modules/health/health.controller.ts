import { Controller } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import { operations, type HealthStatusDto } from '@app/contracts';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @ContractRoute(operations.getLiveness)
  getLiveness(): HealthStatusDto {
    return this.health.liveness();
  }

  @ContractRoute(operations.getReadiness)
  getReadiness(): Promise<HealthStatusDto> {
    return this.health.readiness();
  }
}

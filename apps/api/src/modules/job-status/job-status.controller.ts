import { Controller, Param } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import { GetJobParams, operations, type JobDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/authorization';
import { JobStatusService } from './job-status.service';

@Controller()
export class JobStatusController {
  constructor(private readonly jobs: JobStatusService) {}

  @ContractRoute(operations.getJob)
  getJob(@CurrentPrincipal() caller: Principal, @Param() params: GetJobParams): Promise<JobDto> {
    return this.jobs.get(caller, params.jobId);
  }
}

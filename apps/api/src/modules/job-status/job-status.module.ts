// Owns GET /jobs/{jobId}: the progress of long operations, for their owner or an admin.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobEntity } from '@app/jobs';
import { JobStatusController } from './job-status.controller';
import { JobStatusRepository, TypeOrmJobStatusRepository } from './job-status.repository';
import { JobStatusService } from './job-status.service';

@Module({
  imports: [TypeOrmModule.forFeature([JobEntity])],
  controllers: [JobStatusController],
  providers: [JobStatusService, { provide: JobStatusRepository, useClass: TypeOrmJobStatusRepository }],
})
export class JobStatusModule {}

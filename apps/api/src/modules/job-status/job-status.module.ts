// Owns GET /jobs/{jobId}: the progress of long operations, for their owner or an admin.
import { Module } from '@nestjs/common';

@Module({})
export class JobStatusModule {}

// Owns administrator operations: the audit log, feature flag and configuration writes.
import { Module } from '@nestjs/common';

@Module({})
export class AdminModule {}

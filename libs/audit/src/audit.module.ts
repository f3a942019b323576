import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogEntity } from './audit-log.entity';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({ imports: [TypeOrmModule.forFeature([AuditLogEntity])], providers: [AuditRepository, AuditService], exports: [AuditRepository, AuditService] })
export class AuditModule {}

// Owns the privacy jobs: complete data exports and the anonymisation of deleted accounts. The api's users
// module requests them; user-data-map.ts lists what each does with every table of personal data.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { identityEntities } from '@app/identity';
import { JobEntity } from '@app/jobs';
import { NotificationEntity } from '@app/notifications';
import { AuditLogEntity, AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { AnonymiseUserHandler } from './anonymise-user.handler';
import { ExportUserDataHandler } from './export-user-data.handler';

@Module({
  imports: [TypeOrmModule.forFeature([...identityEntities, AuditLogEntity, JobEntity, NotificationEntity]), AuditModule, CatalogModule],
  providers: [ExportUserDataHandler, AnonymiseUserHandler],
})
export class PrivacyModule {}

// Owns user accounts as records: profiles, preferences, roles, activation, data export and deletion.
// The worker's privacy module (apps/worker/src/privacy) runs the exports and anonymisations requested here.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataExportEntity, UserEntity, UserPreferencesEntity } from '@app/identity';
import { JobEntity } from '@app/jobs';
import { AuditModule } from '@app/audit';
import { AccountDeletionService } from './account-deletion.service';
import { DataExportService } from './data-export.service';
import { PreferencesService } from './preferences.service';
import { UsersController } from './users.controller';
import { TypeOrmUsersRepository, UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserPreferencesEntity, DataExportEntity, JobEntity]), AuditModule],
  controllers: [UsersController],
  providers: [UsersService, AccountDeletionService, PreferencesService, DataExportService, { provide: UsersRepository, useClass: TypeOrmUsersRepository }],
})
export class UsersModule {}

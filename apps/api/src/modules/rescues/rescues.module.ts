// Owns rescue organisations: registration, verification, staff and invitations, settings and analytics.
// Exports RescueMembershipService, which the pets module uses to ask whether a rescue exists, is verified, and
// what a user's role in it is; this module imports nothing from pets. docs/rescues.md explains the design.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { MemberPromotionService } from './member-promotion.service';
import {
  RescueAnalyticsRepository,
  rescueEntities,
  RescuesRepository,
  RescueStaffRepository,
  TypeOrmRescueAnalyticsRepository,
  TypeOrmRescuesRepository,
  TypeOrmRescueStaffRepository,
} from '@app/catalog';
import { RescueAnalyticsService } from './rescue-analytics.service';
import { RescueMembershipService } from './rescue-membership.service';
import { RescueStaffService } from './rescue-staff.service';
import { RescuesController } from './rescues.controller';
import { RescuesService } from './rescues.service';
import { StaffInvitationMailer } from './staff-invitation.mailer';

@Module({
  imports: [TypeOrmModule.forFeature(rescueEntities), AuditModule],
  controllers: [RescuesController],
  providers: [
    RescuesService,
    RescueStaffService,
    RescueAnalyticsService,
    RescueMembershipService,
    MemberPromotionService,
    StaffInvitationMailer,
    { provide: RescuesRepository, useClass: TypeOrmRescuesRepository },
    { provide: RescueStaffRepository, useClass: TypeOrmRescueStaffRepository },
    { provide: RescueAnalyticsRepository, useClass: TypeOrmRescueAnalyticsRepository },
  ],
  exports: [RescueMembershipService],
})
export class RescuesModule {}

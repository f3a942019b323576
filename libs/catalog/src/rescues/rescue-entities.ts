import { RescueStaffEntity } from './rescue-staff.entity';
import { RescueEntity } from './rescue.entity';
import { StaffInvitationEntity } from './staff-invitation.entity';

/** The tables the rescues module maps (listed in apps/api/src/entities.ts). */
export const rescueEntities = [RescueEntity, RescueStaffEntity, StaffInvitationEntity];

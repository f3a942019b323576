import { RescueStaffEntity } from './rescue-staff.entity';
import { RescueEntity } from './rescue.entity';
import { StaffInvitationEntity } from './staff-invitation.entity';

/** The rescues tables of the catalog. */
export const rescueEntities = [RescueEntity, RescueStaffEntity, StaffInvitationEntity];

import type { RescueDto, StaffInvitationDto, StaffMemberDto } from '@app/contracts';
import type { RescueEntity, StaffInvitationEntity, StaffMemberRow } from '@app/catalog';

export function toRescueDto(rescue: RescueEntity): RescueDto {
  return {
    id: rescue.id,
    name: rescue.name,
    description: rescue.description,
    email: rescue.email,
    phone: rescue.phone,
    website: rescue.website,
    city: rescue.city,
    region: rescue.region,
    postcode: rescue.postcode,
    country: rescue.country,
    status: rescue.status,
    verifiedAt: rescue.verifiedAt?.toISOString() ?? null,
    rejectionReason: rescue.rejectionReason,
    // Field by field: the stored JSON must not leak a key the contract does not describe.
    settings: {
      defaultAdoptionFee: rescue.settings.defaultAdoptionFee ?? null,
      adoptionPolicy: rescue.settings.adoptionPolicy ?? '',
      waitlistOnApproval: rescue.settings.waitlistOnApproval ?? false,
    },
    createdAt: rescue.createdAt.toISOString(),
    updatedAt: rescue.updatedAt.toISOString(),
    version: rescue.version,
  };
}

export function toStaffMemberDto(member: StaffMemberRow): StaffMemberDto {
  return {
    userId: member.userId,
    rescueId: member.rescueId,
    name: member.name,
    email: member.email,
    role: member.role,
    joinedAt: member.joinedAt.toISOString(),
  };
}

export function toStaffInvitationDto(invitation: StaffInvitationEntity): StaffInvitationDto {
  return {
    id: invitation.id,
    rescueId: invitation.rescueId,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}

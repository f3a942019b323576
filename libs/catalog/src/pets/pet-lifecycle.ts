// The two state machines of a pet: its listing (draft → submitted → published → retired) and its availability.
// Pure rules, no I/O: the service asks which transition an action is and who may make it, then applies it with a
// conditional UPDATE (on the current status and version) so that two concurrent changes cannot both succeed.
import { DomainError } from '@app/common';
import type { Availability, ListingAction, ListingStatus, PetOwnerType } from '@app/contracts';

/** Who acts on a listing: its owner side (a rescue's staff or the rehomer) or a moderator. */
export type ListingActor = 'owner' | 'moderator';

interface ListingTransition {
  action: ListingAction;
  from: ListingStatus;
  to: ListingStatus;
  ownerTypes: readonly PetOwnerType[];
  actors: readonly ListingActor[];
  /** Only staff of a verified rescue may take it (publishing a rescue's draft). */
  needsVerifiedRescue?: boolean;
  reasonRequired?: boolean;
}

/**
 * A rescue's staff publish their drafts directly (once the rescue is verified); a rehomer's draft goes through
 * moderation: submitted, then published or returned to draft with a reason. Either kind of listing is retired from
 * published by its owner side or a moderator. Retired is final.
 */
export const LISTING_TRANSITIONS: readonly ListingTransition[] = [
  { action: 'publish', from: 'draft', to: 'published', ownerTypes: ['rescue'], actors: ['owner'], needsVerifiedRescue: true },
  { action: 'submit', from: 'draft', to: 'submitted', ownerTypes: ['individual'], actors: ['owner'] },
  { action: 'publish', from: 'submitted', to: 'published', ownerTypes: ['individual'], actors: ['moderator'] },
  { action: 'return', from: 'submitted', to: 'draft', ownerTypes: ['individual'], actors: ['moderator'], reasonRequired: true },
  { action: 'retire', from: 'published', to: 'retired', ownerTypes: ['rescue', 'individual'], actors: ['owner', 'moderator'] },
];

export function invalidListingTransition(from: ListingStatus, action: ListingAction): DomainError {
  return new DomainError('INVALID_TRANSITION', `A ${from} listing cannot be given the action ${action}.`, { from, action });
}

/** The transition `action` is from `from` for this kind of listing; INVALID_TRANSITION when there is none. */
export function listingTransitionOf(ownerType: PetOwnerType, from: ListingStatus, action: ListingAction): ListingTransition {
  const transition = LISTING_TRANSITIONS.find((t) => t.action === action && t.from === from && t.ownerTypes.includes(ownerType));
  if (!transition) throw invalidListingTransition(from, action);
  return transition;
}

/**
 * Which availability may follow which. Every status but the current one is reachable except where it makes no
 * sense: an adopted pet is not put on hold or marked pending (it goes back to available, foster or not available
 * first), and a pet that is not available is not adopted or pending without becoming available again.
 */
export const AVAILABILITY_TRANSITIONS: Readonly<Record<Availability, readonly Availability[]>> = {
  available: ['on_hold', 'pending', 'adopted', 'fostered', 'not_available'],
  on_hold: ['available', 'pending', 'adopted', 'fostered', 'not_available'],
  pending: ['available', 'on_hold', 'adopted', 'fostered', 'not_available'],
  fostered: ['available', 'on_hold', 'pending', 'adopted', 'not_available'],
  adopted: ['available', 'fostered', 'not_available'],
  not_available: ['available', 'on_hold', 'fostered'],
};

/** INVALID_TRANSITION unless `to` may follow `from` (a change to the same status is not a transition). */
export function assertAvailabilityTransition(from: Availability, to: Availability): void {
  if (!AVAILABILITY_TRANSITIONS[from].includes(to)) {
    throw new DomainError('INVALID_TRANSITION', `Availability cannot change from ${from} to ${to}.`, { from, to });
  }
}

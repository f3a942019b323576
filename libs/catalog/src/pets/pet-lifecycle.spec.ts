import { describe, expect, it } from 'vitest';
import type { Availability, ListingAction, ListingStatus } from '@app/contracts';
import { assertAvailabilityTransition, AVAILABILITY_TRANSITIONS, listingTransitionOf } from './pet-lifecycle';

const STATUSES: ListingStatus[] = ['draft', 'submitted', 'published', 'retired'];
const ACTIONS: ListingAction[] = ['submit', 'publish', 'return', 'retire'];

describe('listing state machine', () => {
  it("has exactly the contract's transitions for a rescue's listing", () => {
    const valid = STATUSES.flatMap((from) =>
      ACTIONS.filter((action) => safe(() => listingTransitionOf('rescue', from, action))).map(
        (action) => `${from} -${action}-> ${listingTransitionOf('rescue', from, action).to}`,
      ),
    );
    expect(valid).toEqual(['draft -publish-> published', 'published -retire-> retired']);
  });

  it("has exactly the contract's transitions for a rehomer's listing", () => {
    const valid = STATUSES.flatMap((from) =>
      ACTIONS.filter((action) => safe(() => listingTransitionOf('individual', from, action))).map(
        (action) => `${from} -${action}-> ${listingTransitionOf('individual', from, action).to}`,
      ),
    );
    expect(valid).toEqual(['draft -submit-> submitted', 'submitted -publish-> published', 'submitted -return-> draft', 'published -retire-> retired']);
  });

  it('answers INVALID_TRANSITION with the state and the action for anything else', () => {
    expect(() => listingTransitionOf('rescue', 'retired', 'publish')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', details: { from: 'retired', action: 'publish' } }),
    );
  });

  it('keeps moderation to moderators, publication of a rescue draft to a verified rescue, and asks a reason to return', () => {
    expect(listingTransitionOf('individual', 'submitted', 'publish').actors).toEqual(['moderator']);
    expect(listingTransitionOf('individual', 'submitted', 'return')).toMatchObject({ actors: ['moderator'], reasonRequired: true });
    expect(listingTransitionOf('rescue', 'draft', 'publish')).toMatchObject({ actors: ['owner'], needsVerifiedRescue: true });
    expect(listingTransitionOf('individual', 'published', 'retire').actors).toEqual(['owner', 'moderator']);
  });
});

describe('availability state machine', () => {
  it('never allows a change to the same status', () => {
    for (const status of Object.keys(AVAILABILITY_TRANSITIONS) as Availability[]) {
      expect(() => assertAvailabilityTransition(status, status)).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION', details: { from: status, to: status } }),
      );
    }
  });

  it('lets an adopted pet come back but not go straight on hold or pending', () => {
    expect(() => assertAvailabilityTransition('adopted', 'available')).not.toThrow();
    expect(() => assertAvailabilityTransition('adopted', 'on_hold')).toThrow();
    expect(() => assertAvailabilityTransition('not_available', 'adopted')).toThrow();
  });
});

function safe(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

import { normaliseEvent } from '@app/notifications';
import { describe, expect, it } from 'vitest';
import { petStatusNotificationOf } from './fan-out-pet-status.handler';

const ID = '01900000-0000-7000-8000-000000000001';
const change = { petId: ID, petName: 'Biscuit', from: 'available' as const, to: 'adopted' as const, actorId: ID, changeId: ID };

describe('petStatusNotificationOf', () => {
  it('tells the fan what changed, links to the pet and keys the event by the change', () => {
    const event = petStatusNotificationOf(change, '01900000-0000-7000-8000-0000000000aa');
    expect(event).toEqual({
      userId: '01900000-0000-7000-8000-0000000000aa',
      type: 'favorite_pet_status_changed',
      title: 'Biscuit has been adopted',
      body: 'Biscuit, one of your favourite pets, was available and is now adopted.',
      resourceType: 'pet',
      resourceId: ID,
      eventKey: `pet-status:${ID}`,
    });
    expect(() => normaliseEvent(event)).not.toThrow();
  });

  it('keeps within the title limit for the longest pet name', () => {
    for (const to of ['available', 'on_hold', 'pending', 'adopted', 'fostered', 'not_available'] as const) {
      const event = petStatusNotificationOf({ ...change, to, petName: 'N'.repeat(100) }, ID);
      expect(Array.from(event.title).length).toBeLessThanOrEqual(150);
    }
  });
});

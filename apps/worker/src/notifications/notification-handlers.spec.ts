import { normaliseEvent } from '@app/notifications';
import { describe, expect, it } from 'vitest';
import { DeliverNotificationEmailHandler } from './deliver-notification-email.handler';
import { FanOutPetStatusChangeHandler, petStatusNotificationOf } from './fan-out-pet-status.handler';

// validate() needs no collaborators: a poison payload is refused before anything is touched.
const delivery = new DeliverNotificationEmailHandler(null as never, null as never);
const fanOut = new FanOutPetStatusChangeHandler(null as never, null as never, null as never);
const ID = '01900000-0000-7000-8000-000000000001';
const change = { petId: ID, petName: 'Biscuit', from: 'available' as const, to: 'adopted' as const, actorId: ID, changeId: ID };

describe('notification job payloads', () => {
  it('accept what the producers enqueue', () => {
    expect(delivery.validate({ notificationId: ID })).toBeNull();
    expect(fanOut.validate(change)).toBeNull();
    expect(fanOut.validate({ ...change, actorId: null, trackedJobId: ID })).toBeNull();
  });

  it.each([
    ['not an object', 'x'],
    ['no id', {}],
    ['an id that is not an id', { notificationId: "1' OR 1=1" }],
  ])('refuse a delivery payload that is %s', (_name, payload) => {
    expect(delivery.validate(payload)).toEqual(expect.any(String));
  });

  it.each([
    ['no pet id', { ...change, petId: undefined }, /petId/],
    ['no change id', { ...change, changeId: 'x' }, /changeId/],
    ['an empty pet name', { ...change, petName: ' ' }, /petName/],
    ['an unknown availability', { ...change, to: 'sold' }, /availabilities/],
    ['an actor that is not an id', { ...change, actorId: 42 }, /actorId/],
  ])('refuse a fan-out payload with %s', (_name, payload, reason) => {
    expect(fanOut.validate(payload)).toMatch(reason);
  });
});

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

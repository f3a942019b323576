import { describe, expect, it } from 'vitest';
import { rescueFakes } from '../../../../../test/support/rescues-fakes';
import { lastMonths, medianDays, RescueAnalyticsService } from './rescue-analytics.service';

describe('lastMonths', () => {
  it('names the 12 UTC months ending with the current one, across a year boundary', () => {
    const window = lastMonths(new Date('2026-02-15T10:00:00.000Z'));
    expect(window.months).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(window.from.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('medianDays', () => {
  it('is null without values, the middle value for an odd count, the mean of the two middle ones for an even count', () => {
    const day = 86_400;
    expect(medianDays([])).toBeNull();
    expect(medianDays([40 * day, 10 * day, 20 * day])).toBe(20);
    expect(medianDays([10 * day, 20 * day, 40 * day, 5 * day])).toBe(15);
    expect(medianDays([1.26 * day])).toBe(1.3);
  });
});

describe('RescueAnalyticsService', () => {
  function setup() {
    const fakes = rescueFakes();
    const service = new RescueAnalyticsService(fakes.rescues, fakes.staff, fakes.analytics);
    const rescue = fakes.store.rescue();
    return { ...fakes, service, rescue };
  }

  it('fills every status and month, keeps application counts at 0, and asks for the 12-month window', async () => {
    const { service, store, analytics, rescue } = setup();
    const volunteer = store.account('rescue_staff');
    store.member(rescue.id, volunteer, 'volunteer');
    analytics.counts.listing_status = { published: 3 };
    analytics.counts.availability = { adopted: 2, available: 1 };
    analytics.perMonth = { '2026-01': 2 };
    analytics.durations = [86_400 * 3];
    analytics.applications = { received: 7, approved: 2 };
    const figures = await service.get(volunteer, rescue.id, new Date('2026-02-15T00:00:00.000Z'));
    expect(figures.petsByListingStatus).toEqual({ draft: 0, submitted: 0, published: 3, retired: 0 });
    expect(figures.petsByAvailability).toEqual({ available: 1, on_hold: 0, pending: 0, adopted: 2, fostered: 0, not_available: 0 });
    expect(figures.adoptionsPerMonth).toHaveLength(12);
    expect(figures.adoptionsPerMonth.slice(-2)).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 0 },
    ]);
    expect(figures).toMatchObject({ medianDaysToAdoption: 3, applicationsReceived: 7, applicationsApproved: 2 });
    expect(analytics.windows).toEqual([{ from: new Date('2025-03-01T00:00:00.000Z'), to: new Date('2026-03-01T00:00:00.000Z') }]);
  });

  it('shows the figures to platform admins and hides them (NOT_FOUND) from outsiders and for a deleted rescue', async () => {
    const { service, store, rescue } = setup();
    await expect(service.get(store.account('admin'), rescue.id)).resolves.toMatchObject({ applicationsReceived: 0 });
    await expect(service.get(store.account('moderator'), rescue.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const admin = store.account('rescue_admin');
    store.member(rescue.id, admin, 'admin');
    store.rescues.get(rescue.id)!.deletedAt = new Date();
    await expect(service.get(admin, rescue.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/common';
import { Availability, ListingStatus, type MonthlyCountDto, type RescueAnalyticsDto } from '@app/contracts';
import type { Principal } from '@app/identity';
import { assertSeesPrivateParts } from './rescue-access';
import { RescueAnalyticsRepository, RescuesRepository, RescueStaffRepository } from '@app/catalog';

const MONTHS = 12;
const SECONDS_PER_DAY = 86_400;

/** The last `MONTHS` calendar months (UTC), oldest first, ending with the current one, and the bounds of that window. */
export function lastMonths(now: Date, count = MONTHS): { months: string[]; from: Date; to: Date } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const months = Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (count - 1) + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  return { months, from: new Date(Date.UTC(year, month - (count - 1), 1)), to: new Date(Date.UTC(year, month + 1, 1)) };
}

/** Median of the values, in days, to one decimal; null without values. */
export function medianDays(seconds: number[]): number | null {
  if (seconds.length === 0) return null;
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round((median / SECONDS_PER_DAY) * 10) / 10;
}

/** Every value of an enum as a key (0 when absent), so clients need not know which ones exist. */
function withEveryKey(values: readonly string[], counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries([...new Set([...values, ...Object.keys(counts)])].map((key) => [key, counts[key] ?? 0]));
}

/** Figures for a rescue's staff and platform admins. */
@Injectable()
export class RescueAnalyticsService {
  constructor(
    private readonly rescues: RescuesRepository,
    private readonly staff: RescueStaffRepository,
    private readonly analytics: RescueAnalyticsRepository,
  ) {}

  async get(caller: Principal, rescueId: string, now = new Date()): Promise<RescueAnalyticsDto> {
    if (!(await this.rescues.findActive(rescueId))) throw new NotFoundError('Rescue', rescueId);
    assertSeesPrivateParts({ principal: caller, role: await this.staff.roleOf(rescueId, caller.userId) }, rescueId);
    const window = lastMonths(now);
    const [byListing, byAvailability, perMonth, durations, applications] = await Promise.all([
      this.analytics.countPetsBy(rescueId, 'listing_status'),
      this.analytics.countPetsBy(rescueId, 'availability'),
      this.analytics.adoptionsPerMonth(rescueId, window.from, window.to),
      this.analytics.secondsToAdoption(rescueId, window.from, window.to),
      this.analytics.countApplications(rescueId, window.from, window.to),
    ]);
    const adoptionsPerMonth: MonthlyCountDto[] = window.months.map((month) => ({ month, count: perMonth[month] ?? 0 }));
    return {
      petsByListingStatus: withEveryKey(Object.values(ListingStatus), byListing),
      petsByAvailability: withEveryKey(Object.values(Availability), byAvailability),
      adoptionsPerMonth,
      medianDaysToAdoption: medianDays(durations),
      applicationsReceived: applications.received,
      applicationsApproved: applications.approved,
    };
  }
}

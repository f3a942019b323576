import type { AgeGroup } from '@app/contracts';

/** Upper bounds in months of each age group but the last (see AgeGroup in the contract). */
const AGE_GROUP_LIMITS: Array<[AgeGroup, number]> = [
  ['baby', 6],
  ['young', 24],
  ['adult', 96],
];

/** The age group on `today` of a pet born (or estimated born) on `birthDate`. */
export function ageGroupOf(birthDate: Date, today: Date = new Date()): AgeGroup {
  const months =
    (today.getUTCFullYear() - birthDate.getUTCFullYear()) * 12 +
    (today.getUTCMonth() - birthDate.getUTCMonth()) -
    (today.getUTCDate() < birthDate.getUTCDate() ? 1 : 0);
  return AGE_GROUP_LIMITS.find(([, limit]) => months < limit)?.[0] ?? 'senior';
}

/**
 * The range of birth dates (inclusive from, exclusive to) that makes a pet fall in `group` on `today`;
 * searches filter on the stored birth date, so a pet moves from baby to young without any write.
 */
export function birthDateRangeOf(group: AgeGroup, today: Date = new Date()): { bornAfter: Date | null; bornOnOrBefore: Date | null } {
  const monthsAgo = (months: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  const index = ['baby', 'young', 'adult', 'senior'].indexOf(group);
  const lower = index === 0 ? 0 : AGE_GROUP_LIMITS[index - 1][1];
  const upper = index < AGE_GROUP_LIMITS.length ? AGE_GROUP_LIMITS[index][1] : null;
  return { bornOnOrBefore: monthsAgo(lower), bornAfter: upper === null ? null : monthsAgo(upper) };
}

/** The stored birth date of a pet: the known one, or one estimated from its age in months when it was listed. */
export function birthDateEstimateOf(birthDate: string | null | undefined, estimatedAgeMonths: number | null | undefined, listedOn: Date = new Date()): Date {
  if (birthDate) return new Date(`${birthDate}T00:00:00Z`);
  const months = estimatedAgeMonths ?? 24;
  return new Date(Date.UTC(listedOn.getUTCFullYear(), listedOn.getUTCMonth() - months, listedOn.getUTCDate()));
}

import { describe, expect, it } from 'vitest';
import { ageGroupOf, birthDateEstimateOf, birthDateRangeOf } from './age-group';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('age groups', () => {
  const today = day('2026-11-22');

  it('puts each age in its group at the boundaries', () => {
    expect(ageGroupOf(day('2026-05-23'), today)).toBe('baby'); // 5 months 30 days
    expect(ageGroupOf(day('2026-05-22'), today)).toBe('young'); // 6 months
    expect(ageGroupOf(day('2024-11-23'), today)).toBe('young');
    expect(ageGroupOf(day('2024-11-22'), today)).toBe('adult'); // 2 years
    expect(ageGroupOf(day('2018-11-23'), today)).toBe('adult');
    expect(ageGroupOf(day('2018-11-22'), today)).toBe('senior'); // 8 years
  });

  it('gives birth-date ranges that agree with ageGroupOf', () => {
    for (const iso of ['2026-11-01', '2026-05-23', '2026-05-22', '2025-01-01', '2024-11-22', '2020-06-01', '2018-11-22', '2010-01-01']) {
      const born = day(iso);
      const group = ageGroupOf(born, today);
      const range = birthDateRangeOf(group, today);
      expect(range.bornOnOrBefore === null || born <= range.bornOnOrBefore).toBe(true);
      expect(range.bornAfter === null || born > range.bornAfter).toBe(true);
    }
  });

  it('estimates a birth date from the age when listed, defaulting to two years', () => {
    expect(birthDateEstimateOf('2020-02-03', 5, today).toISOString()).toBe('2020-02-03T00:00:00.000Z');
    expect(birthDateEstimateOf(null, 18, today).toISOString()).toBe('2025-05-22T00:00:00.000Z');
    expect(birthDateEstimateOf(null, null, today).toISOString()).toBe('2024-11-22T00:00:00.000Z');
  });
});

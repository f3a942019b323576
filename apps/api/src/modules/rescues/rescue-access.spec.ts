import { describe, expect, it } from 'vitest';
import type { Role } from '@app/contracts';
import { promotedPlatformRole } from './rescue-access';

describe('promotedPlatformRole', () => {
  it.each<[Role, 'admin' | 'staff' | 'volunteer', Role | null]>([
    ['adopter', 'admin', 'rescue_admin'],
    ['rehomer', 'admin', 'rescue_admin'],
    ['adopter', 'staff', 'rescue_staff'],
    ['rehomer', 'volunteer', 'rescue_staff'],
    ['rescue_staff', 'admin', 'rescue_admin'],
    ['rescue_staff', 'volunteer', null],
    ['rescue_admin', 'volunteer', null],
    ['moderator', 'admin', null],
    ['admin', 'admin', null],
    ['super_admin', 'staff', null],
  ])('%s joining as %s becomes %s', (current, staffRole, expected) => {
    expect(promotedPlatformRole(current, staffRole)).toBe(expected);
  });
});

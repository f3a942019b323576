import type { ApplicationStatus, ReviewAction } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { APPLICATION_TRANSITIONS, isOpen, OPEN_STATUSES, transitionByAction, transitionToStatus } from './application-lifecycle';

const ALL_STATUSES: ApplicationStatus[] = [
  'submitted',
  'under_review',
  'reference_check',
  'home_visit',
  'waitlisted',
  'approved',
  'rejected',
  'withdrawn',
  'completed',
  'cancelled',
];
const ALL_ACTIONS: ReviewAction[] = [
  'start_review',
  'start_reference_check',
  'start_home_visit',
  'approve',
  'waitlist',
  'reopen',
  'reject',
  'complete',
  'cancel',
  'withdraw',
];

describe('application lifecycle', () => {
  it('walks the happy path submitted → under_review → reference_check → home_visit → approved → completed', () => {
    const path: Array<[ApplicationStatus, ReviewAction, ApplicationStatus]> = [
      ['submitted', 'start_review', 'under_review'],
      ['under_review', 'start_reference_check', 'reference_check'],
      ['reference_check', 'start_home_visit', 'home_visit'],
      ['home_visit', 'approve', 'approved'],
      ['approved', 'complete', 'completed'],
    ];
    for (const [from, action, to] of path) expect(transitionByAction(from, action)).toMatchObject({ from, to, actor: 'owner' });
  });

  it('lets reference check and home visit come in either order, and both be skipped', () => {
    expect(transitionByAction('under_review', 'start_home_visit').to).toBe('home_visit');
    expect(transitionByAction('home_visit', 'start_reference_check').to).toBe('reference_check');
    expect(transitionByAction('under_review', 'approve').to).toBe('approved');
  });

  it('refuses approval straight from submitted, and every step out of a final state', () => {
    expect(() => transitionByAction('submitted', 'approve')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', details: { from: 'submitted', action: 'approve' } }),
    );
    for (const final of ['rejected', 'withdrawn', 'completed', 'cancelled'] as const) {
      for (const action of ALL_ACTIONS) expect(() => transitionByAction(final, action)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
      expect(isOpen(final)).toBe(false);
    }
  });

  it('lets only the applicant withdraw, from every open state including approved', () => {
    for (const status of OPEN_STATUSES) expect(transitionByAction(status, 'withdraw')).toMatchObject({ to: 'withdrawn', actor: 'applicant' });
    expect(APPLICATION_TRANSITIONS.filter((t) => t.actor === 'applicant').every((t) => t.action === 'withdraw')).toBe(true);
  });

  it('does not reject an approved application: it is completed or cancelled', () => {
    expect(() => transitionByAction('approved', 'reject')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(transitionByAction('approved', 'cancel').to).toBe('cancelled');
  });

  it('maps each (from, to) pair to exactly one action, so PATCH …/status and POST …/review are the same step', () => {
    const pairs = APPLICATION_TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const t of APPLICATION_TRANSITIONS) expect(transitionToStatus(t.from, t.to)).toEqual(t);
    expect(transitionToStatus('waitlisted', 'under_review').action).toBe('reopen');
    expect(() => transitionToStatus('submitted', 'completed')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', details: { from: 'submitted', to: 'completed' } }),
    );
  });

  it('has no transition into submitted and none that stays in place', () => {
    expect(APPLICATION_TRANSITIONS.some((t) => t.to === 'submitted' || t.from === t.to)).toBe(false);
    expect(ALL_STATUSES.filter(isOpen)).toEqual(OPEN_STATUSES);
  });
});

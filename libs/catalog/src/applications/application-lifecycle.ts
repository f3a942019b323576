// The review workflow of an application as a pure table. The service finds the transition an action (or a
// target status) is from the current status, checks who may take it, then applies it with one conditional UPDATE
// on the status it was checked against, so two concurrent changes cannot both succeed.
import { DomainError } from '@app/common';
import type { ApplicationStatus, ReviewAction } from '@app/contracts';

/** Who takes a step: the applicant, or the owner side (a rescue's admins and staff, or the rehomer). */
export type ReviewActor = 'applicant' | 'owner';

export interface ApplicationTransition {
  action: ReviewAction;
  from: ApplicationStatus;
  to: ApplicationStatus;
  actor: ReviewActor;
}

/** An application in one of these states blocks another by the same applicant for the same pet. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'under_review', 'reference_check', 'home_visit', 'waitlisted', 'approved'];
/** Review under way: home visits may be scheduled, the application approved, waitlisted or rejected. */
export const IN_REVIEW_STATUSES: readonly ApplicationStatus[] = ['under_review', 'reference_check', 'home_visit'];
/** What an approval closes: every other open application for the pet, short of an approved one. */
export const COMPETING_STATUSES: readonly ApplicationStatus[] = ['submitted', ...IN_REVIEW_STATUSES, 'waitlisted'];

const from = (statuses: readonly ApplicationStatus[], action: ReviewAction, to: ApplicationStatus, actor: ReviewActor): ApplicationTransition[] =>
  statuses.map((status) => ({ action, from: status, to, actor }));

export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = [
  ...from(['submitted'], 'start_review', 'under_review', 'owner'),
  ...from(['under_review', 'home_visit'], 'start_reference_check', 'reference_check', 'owner'),
  ...from(['under_review', 'reference_check'], 'start_home_visit', 'home_visit', 'owner'),
  ...from(IN_REVIEW_STATUSES, 'approve', 'approved', 'owner'),
  ...from(['submitted', ...IN_REVIEW_STATUSES], 'waitlist', 'waitlisted', 'owner'),
  ...from(['waitlisted'], 'reopen', 'under_review', 'owner'),
  ...from(COMPETING_STATUSES, 'reject', 'rejected', 'owner'),
  ...from(['approved'], 'complete', 'completed', 'owner'),
  ...from(['approved'], 'cancel', 'cancelled', 'owner'),
  ...from(OPEN_STATUSES, 'withdraw', 'withdrawn', 'applicant'),
];

export const isOpen = (status: ApplicationStatus) => OPEN_STATUSES.includes(status);

export function invalidTransition(from: ApplicationStatus, attempted: { action?: ReviewAction; to?: ApplicationStatus }): DomainError {
  const what = attempted.action ? `the action ${attempted.action}` : `the status ${attempted.to}`;
  return new DomainError('INVALID_TRANSITION', `A ${from} application cannot be given ${what}.`, { from, ...attempted });
}

/** The transition `action` is from `status`; INVALID_TRANSITION when there is none. */
export function transitionByAction(status: ApplicationStatus, action: ReviewAction): ApplicationTransition {
  const transition = APPLICATION_TRANSITIONS.find((t) => t.from === status && t.action === action);
  if (!transition) throw invalidTransition(status, { action });
  return transition;
}

/** The transition from `status` to `to` (the PATCH …/status form); INVALID_TRANSITION when there is none. */
export function transitionToStatus(status: ApplicationStatus, to: ApplicationStatus): ApplicationTransition {
  const transition = APPLICATION_TRANSITIONS.find((t) => t.from === status && t.to === to);
  if (!transition) throw invalidTransition(status, { to });
  return transition;
}

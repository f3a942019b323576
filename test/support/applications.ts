// Factories for the applications tests: complete answers to the core form, a published pet with a rescue's staff,
// submissions through the API, and moving an application through the review workflow.
import type { ApplicationStatus, ReviewAction } from '@app/contracts';
import { CORE_SAMPLE_ANSWERS } from '@app/database';
import type { TestApi } from './api';
import { createUser, type TestUser } from './identity';
import { rescuePetIn, rescueWithStaff } from './pets';

export const REFERENCES = [{ name: 'Dr Patel', relationship: 'vet', email: 'vet@example.org', phone: null }];

export function applicationBody(petId: string, overrides: Record<string, unknown> = {}) {
  return { petId, answers: { ...CORE_SAMPLE_ANSWERS }, references: REFERENCES, ...overrides };
}

let keys = 0;
export const idempotencyKey = () => `test-key-${Date.now().toString(36)}-${(keys++).toString(36)}`;

export function submit(api: TestApi, applicant: TestUser, petId: string, overrides: Record<string, unknown> = {}, key = idempotencyKey()) {
  return api.request('POST', '/api/v1/applications', { token: applicant.token, body: applicationBody(petId, overrides), headers: { 'idempotency-key': key } });
}

export type Rescue = Awaited<ReturnType<typeof rescueWithStaff>>;

/** A verified rescue with an admin, a staff member and a volunteer, and one of its pets published. */
export async function adoptablePet(api: TestApi, rescue?: Rescue) {
  return rescuePetIn(api, 'published', rescue ?? (await rescueWithStaff(api)));
}

/** A submitted application for a fresh adopter; returns the application as answered. */
export async function submittedApplication(api: TestApi, petId: string, applicant?: TestUser) {
  const adopter = applicant ?? (await createUser(api));
  const res = await submit(api, adopter, petId);
  if (res.status !== 201) throw new Error(`submitApplication answered ${res.status}: ${res.text}`);
  return { application: res.body, adopter };
}

export async function review(api: TestApi, actor: TestUser, applicationId: string, action: ReviewAction, extra: Record<string, unknown> = {}) {
  return api.request('POST', `/api/v1/applications/${applicationId}/review`, { token: actor.token, body: { action, ...extra } });
}

/** The actions that take a submitted application to `status` (by the owner side; withdrawn by the applicant). */
export const PATH_TO: Record<ApplicationStatus, ReviewAction[]> = {
  submitted: [],
  under_review: ['start_review'],
  reference_check: ['start_review', 'start_reference_check'],
  home_visit: ['start_review', 'start_home_visit'],
  waitlisted: ['start_review', 'waitlist'],
  approved: ['start_review', 'approve'],
  rejected: ['reject'],
  withdrawn: ['withdraw'],
  completed: ['start_review', 'approve', 'complete'],
  cancelled: ['start_review', 'approve', 'cancel'],
};

/** Moves an application to `status`; `owner` takes the owner side's steps, `applicant` withdraws. */
export async function moveTo(api: TestApi, applicationId: string, status: ApplicationStatus, owner: TestUser, applicant: TestUser) {
  for (const action of PATH_TO[status]) {
    const res = await review(api, action === 'withdraw' ? applicant : owner, applicationId, action);
    if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${res.text}`);
  }
}

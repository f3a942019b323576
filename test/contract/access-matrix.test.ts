// Role × operation matrix, built from the contract: every secured operation answers 401 to an anonymous
// caller, 403 to a role without its permission and 2xx to a role with it. The expected permission of each
// operation is declared here, independently of the code, so removing a guard or a @RequirePermission fails.
import { getDataSourceToken } from '@nestjs/typeorm';
import { CORE_SAMPLE_ANSWERS } from '@app/database';
import { newId } from '@app/common';
import type { Role } from '@app/contracts';
import { hasPermission, PERMISSIONS, ROLES, type Permission } from '@app/identity';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../apps/api/src/modules/auth/totp';
import { sha256Hex } from '../../apps/api/src/modules/auth/secrets';
import { startApi, type TestApi } from '../support/api';
import { bundle } from '../support/contract';
import { createUser, refreshRole, type TestUser } from '../support/identity';
import { adoptablePet, applicationBody, idempotencyKey, moveTo, REFERENCES, submittedApplication } from '../support/applications';
import { insertNotification } from '../support/notifications';
import { createPet, createRescue, listingAction, petBody } from '../support/pets';

interface PreparedRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface OperationFixture {
  /** 'self': any signed-in user acting on their own account; otherwise the permission the operation needs. */
  access: 'self' | Permission;
  /** Builds a request that the allowed caller may make and that succeeds. */
  prepare(actor: TestUser, api: TestApi): Promise<PreparedRequest>;
}

const db = (api: TestApi) => api.app.get<DataSource>(getDataSourceToken());
const otherUser = (api: TestApi) => createUser(api, { role: 'adopter' });

async function enableTwoFactor(api: TestApi, actor: TestUser): Promise<string> {
  const setup = await api.request('POST', '/api/v1/auth/2fa/setup', { token: actor.token });
  // A code is accepted once (RFC 6238 §5.2): enable with the previous step's code, leaving the current one for the caller.
  await api.request('POST', '/api/v1/auth/2fa/enable', { token: actor.token, body: { code: totpAt(setup.body.secret, Date.now() - 30_000) } });
  return setup.body.secret;
}

/**
 * Registers a rescue for `owner` (any role may, and becomes its admin); rescue-scoped operations act on it. An
 * adopter becomes rescue_admin, so the owner's client refreshes its token (the old one is stale).
 */
async function rescueOf(owner: TestUser, api: TestApi): Promise<string> {
  const res = await api.request('POST', '/api/v1/rescues', {
    token: owner.token,
    body: {
      name: `Matrix Rescue ${newId().slice(-8)}`,
      description: 'matrix',
      email: 'matrix@example.org',
      city: 'Leeds',
      region: 'West Yorkshire',
      postcode: 'LS1 1AA',
    },
  });
  await refreshRole(api, owner);
  return res.body.id;
}

/**
 * A pet the actor lists as an individual (a draft: only they and moderators see it); the Pet as answered. An
 * adopter becomes a rehomer, so the actor's client refreshes its token.
 */
async function ownPet(actor: TestUser, api: TestApi) {
  const res = await api.request('POST', '/api/v1/pets', { token: actor.token, body: petBody() });
  if (res.status !== 201) throw new Error(`createPet answered ${res.status}: ${res.text}`);
  await refreshRole(api, actor);
  return res.body;
}

const MEDICAL_RECORD = { type: 'vaccination', date: '2026-01-15', title: 'First dose', vetName: 'Dr Patel', clinic: null, notes: null };

/** A medical record of a pet `owner` lists; returns its id. */
async function medicalRecordOf(owner: TestUser, api: TestApi): Promise<string> {
  const pet = await ownPet(owner, api);
  return (await api.request('POST', `/api/v1/pets/${pet.id}/medical-records`, { token: owner.token, body: MEDICAL_RECORD })).body.id;
}

/** A notification of the actor's own centre; returns its id. */
const notificationOf = (actor: TestUser, api: TestApi) => insertNotification(db(api), actor.id);

/** A verified rescue the actor administers, with a pet of it published. */
async function ownRescuePet(actor: TestUser, api: TestApi) {
  const rescueId = await createRescue(api, 'verified', [[actor, 'admin']]);
  const pet = await createPet(api, actor, { rescueId });
  await listingAction(api, actor, pet.id, 'publish');
  return { rescueId, petId: pet.id };
}

/** An application by another user for a pet of the actor's rescue (the actor is its owner side), in review when asked. */
async function applicationToActor(actor: TestUser, api: TestApi, inReview = false) {
  const { rescueId, petId } = await ownRescuePet(actor, api);
  const applicant = await otherUser(api);
  const { application } = await submittedApplication(api, petId, applicant);
  if (inReview) await moveTo(api, application.id, 'under_review', actor, applicant);
  return { rescueId, applicationId: application.id as string };
}

/** The actor's own application for someone else's pet. */
async function actorsApplication(actor: TestUser, api: TestApi): Promise<string> {
  const { petId } = await adoptablePet(api);
  return (await submittedApplication(api, petId, actor)).application.id;
}

/** The actor's draft for someone else's pet. */
async function actorsDraft(actor: TestUser, api: TestApi): Promise<string> {
  const { petId } = await adoptablePet(api);
  return (await api.request('POST', '/api/v1/applications/drafts', { token: actor.token, body: { petId } })).body.id;
}

const FIXTURES: Record<string, OperationFixture> = {
  logout: { access: 'self', prepare: async () => ({ path: '/api/v1/auth/logout' }) },
  getCurrentUser: { access: 'self', prepare: async () => ({ path: '/api/v1/auth/me' }) },
  changePassword: {
    access: 'self',
    prepare: async (actor) => ({
      path: '/api/v1/auth/password/change',
      body: { currentPassword: actor.password, newPassword: 'An-Entirely-New-Passphrase-42' },
    }),
  },
  setUpTwoFactor: { access: 'self', prepare: async () => ({ path: '/api/v1/auth/2fa/setup' }) },
  enableTwoFactor: {
    access: 'self',
    prepare: async (actor, api) => {
      const setup = await api.request('POST', '/api/v1/auth/2fa/setup', { token: actor.token });
      return { path: '/api/v1/auth/2fa/enable', body: { code: totpAt(setup.body.secret, Date.now()) } };
    },
  },
  disableTwoFactor: {
    access: 'self',
    prepare: async (actor, api) => {
      const secret = await enableTwoFactor(api, actor);
      return { path: '/api/v1/auth/2fa/disable', body: { code: totpAt(secret, Date.now()) } };
    },
  },
  listSessions: { access: 'self', prepare: async () => ({ path: '/api/v1/auth/sessions' }) },
  revokeSession: { access: 'self', prepare: async (actor) => ({ path: `/api/v1/auth/sessions/${actor.sessionId}` }) },
  revokeOtherSessions: { access: 'self', prepare: async () => ({ path: '/api/v1/auth/sessions/revoke-all' }) },

  listUsers: { access: PERMISSIONS.usersList, prepare: async () => ({ path: '/api/v1/users?limit=5' }) },
  getUser: { access: 'self', prepare: async (actor) => ({ path: `/api/v1/users/${actor.id}` }) },
  updateUser: { access: 'self', prepare: async (actor) => ({ path: `/api/v1/users/${actor.id}`, body: { expectedVersion: 1, city: 'Leeds' } }) },
  replaceUser: {
    access: 'self',
    prepare: async (actor) => ({ path: `/api/v1/users/${actor.id}`, body: { expectedVersion: 1, name: 'New Name', phone: null, city: 'York', bio: null } }),
  },
  requestUserDeletion: { access: 'self', prepare: async (actor) => ({ path: `/api/v1/users/${actor.id}` }) },
  cancelUserDeletion: {
    access: 'self',
    prepare: async (actor, api) => {
      // Requesting deletion revokes the caller's sessions; put the account in its grace period directly.
      await db(api).query("UPDATE users SET status = 'pending_deletion', deletion_requested_at = CURRENT_TIMESTAMP(3) WHERE id = ?", [actor.id]);
      return { path: `/api/v1/users/${actor.id}/deletion/cancel` };
    },
  },
  getUserPreferences: { access: 'self', prepare: async (actor) => ({ path: `/api/v1/users/${actor.id}/preferences` }) },
  updateUserPreferences: {
    access: 'self',
    prepare: async (actor, api) => {
      const current = await api.request('GET', `/api/v1/users/${actor.id}/preferences`, { token: actor.token });
      const { version, updatedAt: _updatedAt, ...preferences } = current.body;
      return { path: `/api/v1/users/${actor.id}/preferences`, body: { ...preferences, locale: 'fr', expectedVersion: version } };
    },
  },
  activateUser: {
    access: PERMISSIONS.usersManage,
    prepare: async (_a, api) => {
      const target = await createUser(api, { status: 'deactivated' });
      return { path: `/api/v1/users/${target.id}/activate` };
    },
  },
  deactivateUser: { access: PERMISSIONS.usersManage, prepare: async (_a, api) => ({ path: `/api/v1/users/${(await otherUser(api)).id}/deactivate` }) },
  changeUserRole: {
    access: PERMISSIONS.usersManage,
    prepare: async (_a, api) => ({ path: `/api/v1/users/${(await otherUser(api)).id}/role`, body: { role: 'rehomer', expectedVersion: 1 } }),
  },
  requestUserDataExport: { access: 'self', prepare: async (actor) => ({ path: `/api/v1/users/${actor.id}/data-export` }) },
  getUserDataExport: {
    access: 'self',
    prepare: async (actor, api) => {
      const jobId = newId();
      await db(api).query(
        "INSERT INTO jobs (id, type, status, progress, payload, created_by) VALUES (?, 'privacy.export-user-data', 'succeeded', 100, '{}', ?)",
        [jobId, actor.id],
      );
      await db(api).query('INSERT INTO data_exports (job_id, user_id, content, expires_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP(3) + INTERVAL 7 DAY)', [
        jobId,
        actor.id,
        JSON.stringify({ user: { id: actor.id } }),
      ]);
      return { path: `/api/v1/users/${actor.id}/data-exports/${jobId}` };
    },
  },
  getJob: {
    access: 'self',
    prepare: async (actor, api) => {
      const jobId = newId();
      await db(api).query("INSERT INTO jobs (id, type, status, payload, created_by) VALUES (?, 'privacy.export-user-data', 'queued', '{}', ?)", [
        jobId,
        actor.id,
      ]);
      return { path: `/api/v1/jobs/${jobId}` };
    },
  },
  listAuditEntries: { access: PERMISSIONS.auditRead, prepare: async () => ({ path: '/api/v1/admin/audit?limit=5' }) },
  updateFeature: {
    access: PERMISSIONS.platformConfigure,
    prepare: async (_a, api) => {
      const key = `matrix.${newId().slice(-10)}`;
      await db(api).query('INSERT INTO feature_flags (`key`, enabled, description) VALUES (?, 0, ?)', [key, 'matrix flag']);
      return { path: `/api/v1/admin/features/${key}`, body: { enabled: true, expectedVersion: 1 } };
    },
  },
  listConfigEntries: { access: PERMISSIONS.platformConfigure, prepare: async () => ({ path: '/api/v1/admin/config' }) },
  updateConfigEntry: {
    access: PERMISSIONS.platformConfigure,
    prepare: async (_a, api) => {
      const key = `matrix.${newId().slice(-10)}`;
      await db(api).query('INSERT INTO config_entries (`key`, value, is_public, description) VALUES (?, ?, 0, ?)', [key, '1', 'matrix entry']);
      return { path: `/api/v1/admin/config/${key}`, body: { value: 2, expectedVersion: 1 } };
    },
  },

  // Rescues: 'self' = staff of the actor's own rescue, registered in prepare; verify/reject need rescues:moderate.
  createRescue: {
    access: 'self',
    prepare: async () => ({
      path: '/api/v1/rescues',
      body: { name: 'Matrix Rescue', description: 'matrix', email: 'matrix@example.org', city: 'Leeds', region: 'West Yorkshire', postcode: 'LS1 1AA' },
    }),
  },
  replaceRescue: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/rescues/${await rescueOf(actor, api)}`,
      body: {
        expectedVersion: 1,
        name: 'Matrix Renamed',
        description: 'matrix',
        email: 'matrix@example.org',
        phone: null,
        website: null,
        city: 'York',
        region: 'North Yorkshire',
        postcode: 'YO1 1AA',
        settings: { defaultAdoptionFee: 100, adoptionPolicy: 'Home check.', waitlistOnApproval: true },
      },
    }),
  },
  updateRescue: {
    access: 'self',
    prepare: async (actor, api) => ({ path: `/api/v1/rescues/${await rescueOf(actor, api)}`, body: { expectedVersion: 1, city: 'York' } }),
  },
  deleteRescue: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/rescues/${await rescueOf(actor, api)}` }) },
  verifyRescue: {
    access: PERMISSIONS.rescuesModerate,
    prepare: async (_a, api) => ({ path: `/api/v1/rescues/${await rescueOf(await otherUser(api), api)}/verify` }),
  },
  rejectRescue: {
    access: PERMISSIONS.rescuesModerate,
    prepare: async (_a, api) => ({ path: `/api/v1/rescues/${await rescueOf(await otherUser(api), api)}/reject`, body: { reason: 'Not a rescue.' } }),
  },
  listRescueStaff: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/rescues/${await rescueOf(actor, api)}/staff` }) },
  inviteRescueStaff: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/rescues/${await rescueOf(actor, api)}/staff`,
      body: { email: `invitee-${newId().slice(-12)}@example.org`, role: 'staff' },
    }),
  },
  removeRescueStaff: {
    access: 'self',
    prepare: async (actor, api) => {
      const rescueId = await rescueOf(actor, api);
      const member = await otherUser(api);
      await db(api).query("INSERT INTO rescue_staff (rescue_id, user_id, role) VALUES (?, ?, 'volunteer')", [rescueId, member.id]);
      return { path: `/api/v1/rescues/${rescueId}/staff/${member.id}` };
    },
  },
  acceptRescueInvitation: {
    access: 'self',
    prepare: async (actor, api) => {
      const rescueId = await rescueOf(await otherUser(api), api);
      const token = `matrix-invitation-${newId()}`;
      await db(api).query(
        "INSERT INTO staff_invitations (id, rescue_id, email, role, token_hash, invited_by, expires_at) VALUES (?, ?, ?, 'volunteer', ?, ?, CURRENT_TIMESTAMP(3) + INTERVAL 1 DAY)",
        [newId(), rescueId, actor.email, sha256Hex(token), actor.id],
      );
      return { path: '/api/v1/rescues/invitations/accept', body: { token } };
    },
  },
  getRescueAnalytics: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/rescues/${await rescueOf(actor, api)}/analytics` }) },

  // Pets: 'self' = the actor lists a pet of their own (as an individual rehomer, which anyone may) and acts on it.
  createPet: { access: 'self', prepare: async () => ({ path: '/api/v1/pets', body: petBody() }) },
  replacePet: {
    access: 'self',
    prepare: async (actor, api) => {
      const pet = await ownPet(actor, api);
      const { id: _i, ageGroup: _a, listingStatus: _l, availability: _v, owner: _o, publishedAt: _p, createdAt: _c, updatedAt: _u, version, ...fields } = pet;
      return { path: `/api/v1/pets/${pet.id}`, body: { ...fields, name: 'Replaced', expectedVersion: version } };
    },
  },
  updatePet: {
    access: 'self',
    prepare: async (actor, api) => ({ path: `/api/v1/pets/${(await ownPet(actor, api)).id}`, body: { expectedVersion: 1, name: 'Renamed' } }),
  },
  deletePet: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/pets/${(await ownPet(actor, api)).id}` }) },
  changePetListing: {
    access: 'self',
    prepare: async (actor, api) => ({ path: `/api/v1/pets/${(await ownPet(actor, api)).id}/listing`, body: { action: 'submit', expectedVersion: 1 } }),
  },
  changePetAvailability: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/pets/${(await ownPet(actor, api)).id}/availability`,
      body: { availability: 'on_hold', expectedVersion: 1 },
    }),
  },
  addFavoritePet: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/pets/${(await ownPet(actor, api)).id}/favorite` }) },
  removeFavoritePet: {
    access: 'self',
    prepare: async (actor, api) => {
      const pet = await ownPet(actor, api);
      await api.request('POST', `/api/v1/pets/${pet.id}/favorite`, { token: actor.token });
      return { path: `/api/v1/pets/${pet.id}/favorite` };
    },
  },
  listMyFavoritePets: { access: 'self', prepare: async () => ({ path: '/api/v1/users/me/favorites?limit=5' }) },
  createMedicalRecord: {
    access: 'self',
    prepare: async (actor, api) => ({ path: `/api/v1/pets/${(await ownPet(actor, api)).id}/medical-records`, body: MEDICAL_RECORD }),
  },
  updateMedicalRecord: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/medical-records/${await medicalRecordOf(actor, api)}`,
      body: { expectedVersion: 1, title: 'Second dose' },
    }),
  },
  verifyMedicalRecord: {
    access: PERMISSIONS.medicalVerify,
    prepare: async (_a, api) => ({ path: `/api/v1/medical-records/${await medicalRecordOf(await otherUser(api), api)}/verify` }),
  },

  // Notifications: 'self' = the actor's own notification centre.
  listNotifications: { access: 'self', prepare: async () => ({ path: '/api/v1/notifications?limit=5' }) },
  countUnreadNotifications: { access: 'self', prepare: async () => ({ path: '/api/v1/notifications/unread/count' }) },
  getNotification: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/notifications/${await notificationOf(actor, api)}` }) },
  markNotificationRead: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/notifications/${await notificationOf(actor, api)}/read` }) },
  markAllNotificationsRead: { access: 'self', prepare: async () => ({ path: '/api/v1/notifications/read-all' }) },
  deleteNotification: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/notifications/${await notificationOf(actor, api)}` }) },

  // Applications: 'self' = the actor's own application (as applicant) or one for the actor's own rescue (as its owner side).
  replaceRescueApplicationQuestions: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/rescues/${await createRescue(api, 'pending', [[actor, 'admin']])}/application-questions`,
      body: { expectedVersion: 0, questions: [{ key: 'garden', source: 'core', required: true }] },
    }),
  },
  listApplicationDrafts: { access: 'self', prepare: async () => ({ path: '/api/v1/applications/drafts?limit=5' }) },
  createApplicationDraft: {
    access: 'self',
    prepare: async (_a, api) => ({ path: '/api/v1/applications/drafts', body: { petId: (await adoptablePet(api)).petId } }),
  },
  getApplicationDraft: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/applications/drafts/${await actorsDraft(actor, api)}` }) },
  updateApplicationDraft: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/applications/drafts/${await actorsDraft(actor, api)}`,
      body: { expectedVersion: 1, answers: { garden: 'none' } },
    }),
  },
  deleteApplicationDraft: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/applications/drafts/${await actorsDraft(actor, api)}` }) },
  listApplications: { access: 'self', prepare: async () => ({ path: '/api/v1/applications?limit=5' }) },
  submitApplication: {
    access: 'self',
    prepare: async (_a, api) => ({
      path: '/api/v1/applications',
      body: applicationBody((await adoptablePet(api)).petId),
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  },
  getApplication: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/applications/${await actorsApplication(actor, api)}` }) },
  replaceApplication: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/applications/${await actorsApplication(actor, api)}`,
      body: { expectedVersion: 1, answers: CORE_SAMPLE_ANSWERS, references: REFERENCES },
    }),
  },
  withdrawApplication: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/applications/${await actorsApplication(actor, api)}` }) },
  getApplicationHistory: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/applications/${await actorsApplication(actor, api)}/history` }) },
  changeApplicationStatus: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/applications/${(await applicationToActor(actor, api)).applicationId}/status`,
      body: { status: 'under_review', expectedVersion: 1 },
    }),
  },
  reviewApplication: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/applications/${(await applicationToActor(actor, api)).applicationId}/review`,
      body: { action: 'start_review' },
    }),
  },
  assignApplication: {
    access: 'self',
    prepare: async (actor, api) => {
      const { rescueId, applicationId } = await applicationToActor(actor, api);
      return { path: `/api/v1/rescues/${rescueId}/applications/${applicationId}/assign`, body: { assigneeId: actor.id } };
    },
  },
  bulkChangeApplicationStatus: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: '/api/v1/applications/bulk-status',
      body: { applicationIds: [(await applicationToActor(actor, api)).applicationId], action: 'start_review' },
    }),
  },
  listPetApplications: { access: 'self', prepare: async (actor, api) => ({ path: `/api/v1/pets/${(await ownRescuePet(actor, api)).petId}/applications` }) },
  scheduleHomeVisit: {
    access: 'self',
    prepare: async (actor, api) => ({
      path: `/api/v1/applications/${(await applicationToActor(actor, api, true)).applicationId}/home-visits`,
      body: { scheduledAt: '2027-03-01T10:00:00.000Z' },
    }),
  },
  updateHomeVisit: {
    access: 'self',
    prepare: async (actor, api) => {
      const { applicationId } = await applicationToActor(actor, api, true);
      const visit = await api.request('POST', `/api/v1/applications/${applicationId}/home-visits`, {
        token: actor.token,
        body: { scheduledAt: '2027-03-01T10:00:00.000Z' },
      });
      return { path: `/api/v1/applications/${applicationId}/home-visits/${visit.body.id}`, body: { expectedVersion: 1, outcome: 'passed' } };
    },
  },
  updateApplicationReference: {
    access: 'self',
    prepare: async (actor, api) => {
      const { applicationId } = await applicationToActor(actor, api, true);
      const detail = await api.request('GET', `/api/v1/applications/${applicationId}`, { token: actor.token });
      return { path: `/api/v1/applications/${applicationId}/references/${detail.body.references[0].id}`, body: { expectedVersion: 1, status: 'contacted' } };
    },
  },
  listApplicationMessages: {
    access: 'self',
    prepare: async (actor, api) => ({ path: `/api/v1/applications/${await actorsApplication(actor, api)}/messages` }),
  },
  sendApplicationMessage: {
    access: 'self',
    prepare: async (actor, api) => ({ path: `/api/v1/applications/${await actorsApplication(actor, api)}/messages`, body: { body: 'Hello!' } }),
  },
};

interface SecuredOperation {
  operationId: string;
  method: string;
  successStatus: number;
}

const securedOperations: SecuredOperation[] = Object.values(bundle.paths as Record<string, Record<string, any>>) // eslint-disable-line @typescript-eslint/no-explicit-any
  .flatMap((item) => Object.entries(item))
  .filter(([, operation]) => (operation.security ?? []).some((s: Record<string, unknown>) => 'bearerAuth' in s))
  .map(([method, operation]) => ({
    operationId: operation.operationId,
    method: method.toUpperCase(),
    successStatus: Number(Object.keys(operation.responses).find((s) => s.startsWith('2'))),
  }));

const allowedRoles = (access: OperationFixture['access']): Role[] => (access === 'self' ? [...ROLES] : ROLES.filter((role) => hasPermission(role, access)));

describe('role × operation matrix', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('has a fixture for every secured operation of the contract', () => {
    expect(securedOperations.map((o) => o.operationId).filter((id) => !FIXTURES[id])).toEqual([]);
  });

  for (const operation of securedOperations) {
    describe(operation.operationId, () => {
      it('answers 401 to an anonymous caller', async () => {
        const fixture = FIXTURES[operation.operationId];
        const actor = await createUser(api);
        const request = await fixture.prepare(actor, api);
        const res = await api.request(operation.method, request.path, { body: request.body, headers: request.headers });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      });

      for (const role of ROLES) {
        it(`${role}: ${FIXTURES[operation.operationId] && allowedRoles(FIXTURES[operation.operationId].access).includes(role) ? 'allowed' : 'forbidden'}`, async () => {
          const fixture = FIXTURES[operation.operationId];
          const actor = await createUser(api, { role });
          const request = await fixture.prepare(actor, api);
          const res = await api.request(operation.method, request.path, { body: request.body, headers: request.headers, token: actor.token });
          if (allowedRoles(fixture.access).includes(role)) {
            expect({ status: res.status, body: res.status >= 400 ? res.body : undefined }).toEqual({ status: operation.successStatus, body: undefined });
          } else {
            expect(res.status).toBe(403);
            expect(res.body.code).toBe('FORBIDDEN');
          }
        });
      }
    });
  }
});

// The whole adoption journey through the generated SDK, as a frontend would make it, against the real api, a worker
// and a real SMTP server: a rescue registers and is verified and lists a pet; an adopter registers, verifies their
// e-mail, finds the pet by search and applies; staff review, check references and approve; the adopter is told
// (in the notification centre and by e-mail); the pet shows as pending, then adopted. Every response is checked
// against the contract (api.fetch).
import {
  changePetListing,
  createClient,
  createPet,
  createRescue,
  getApplication,
  getPet,
  getPetApplicationQuestions,
  listNotifications,
  login,
  refreshTokens,
  register,
  reviewApplication,
  searchPets,
  submitApplication,
  updateApplicationReference,
  verifyEmail,
  verifyRescue,
  type ApplicationQuestion,
  type CreatePetRequest,
} from '@pet-adoption/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthStack, type AuthStack } from '../support/auth-stack';
import { createUser } from '../support/identity';
import { petBody } from '../support/pets';
import { tokenFromLink } from '../support/smtp';

let stack: AuthStack;
beforeAll(async () => {
  stack = await startAuthStack('adoption-journey');
});
afterAll(() => stack?.close());

const run = Date.now().toString(36);
const clientFor = (accessToken?: string) => createClient({ baseUrl: stack.api.baseUrl, fetch: stack.api.fetch, ...(accessToken ? { auth: accessToken } : {}) });

/** Registers through the SDK, follows the verification link from the mailbox, signs in; returns a signed-in client. */
async function signUp(name: string, email: string) {
  return clientFor((await signUpForTokens(name, email)).accessToken);
}

async function signUpForTokens(name: string, email: string) {
  const anonymous = clientFor();
  const password = `${name}-has-a-long-passphrase-42`;
  await register({ client: anonymous, body: { email, password, name }, throwOnError: true });
  const mail = await stack.smtp.waitForMail(email, /Confirm your e-mail address/);
  await verifyEmail({ client: anonymous, body: { token: tokenFromLink(mail, '/verify-email') }, throwOnError: true });
  const signedIn = await login({ client: anonymous, body: { email, password }, throwOnError: true });
  if (!signedIn.data.tokens) throw new Error('sign-in asked for a second factor');
  return signedIn.data.tokens;
}

/** A valid answer to each required question of the form, whatever its type. */
function answersFor(questions: ApplicationQuestion[]): Record<string, unknown> {
  const answer = (q: ApplicationQuestion): unknown => {
    switch (q.type) {
      case 'yes_no':
        return true;
      case 'single_choice':
        return q.options[0];
      case 'multiple_choice':
        return [q.options[0]];
      case 'number':
        return q.minimum ?? 1;
      case 'date':
        return '2027-01-10';
      default:
        return 'We have a quiet home with a garden and time for walks.';
    }
  };
  return Object.fromEntries(questions.filter((q) => q.required).map((q) => [q.key, answer(q)]));
}

describe('the adoption journey through the SDK', () => {
  it('takes a pet from a newly verified rescue to an adopter, notifying the adopter on the way', async () => {
    // A rescue registers and is verified by a platform admin, and lists a pet.
    const rescuerTokens = await signUpForTokens('Rosa', `rosa-${run}@example.org`);
    const rescue = await createRescue({
      client: clientFor(rescuerTokens.accessToken),
      body: {
        name: `Journey Rescue ${run}`,
        description: 'Dogs and cats of Leeds.',
        email: `hello-${run}@example.org`,
        city: 'Leeds',
        region: 'West Yorkshire',
        postcode: 'LS1 1AA',
      },
      throwOnError: true,
    });
    expect(rescue.data.status).toBe('pending');
    // Registering made Rosa a rescue_admin: her access token is stale (TOKEN_STALE) and the app refreshes it once.
    const refreshed = await refreshTokens({ client: clientFor(), body: { refreshToken: rescuerTokens.refreshToken! }, throwOnError: true });
    const rescuer = clientFor(refreshed.data.accessToken);
    const platformAdmin = await createUser(stack.api, { role: 'admin' });
    await verifyRescue({ client: clientFor(platformAdmin.token), path: { rescueId: rescue.data.id }, throwOnError: true });

    const petName = `Marmalade${run}`;
    const pet = await createPet({
      client: rescuer,
      body: { ...(petBody({ name: petName, species: 'cat', primaryBreed: 'Domestic Shorthair' }) as CreatePetRequest), rescueId: rescue.data.id },
      throwOnError: true,
    });
    const published = await changePetListing({
      client: rescuer,
      path: { petId: pet.data.id },
      body: { action: 'publish', expectedVersion: pet.data.version },
      throwOnError: true,
    });
    expect(published.data.listingStatus).toBe('published');

    // An adopter registers, verifies their address, finds the pet by searching and applies.
    const adopterEmail = `ada-${run}@example.org`;
    const adopter = await signUp('Ada', adopterEmail);
    const found = await searchPets({ client: adopter, query: { q: petName, species: ['cat'] }, throwOnError: true });
    expect(found.data.items.map((item) => item.id)).toContain(pet.data.id);
    const form = await getPetApplicationQuestions({ client: adopter, path: { petId: pet.data.id }, throwOnError: true });
    const submitted = await submitApplication({
      client: adopter,
      headers: { 'Idempotency-Key': `journey-${run}` },
      body: { petId: pet.data.id, answers: answersFor(form.data.questions), references: [{ name: 'Dr Patel', relationship: 'vet', email: 'vet@example.org' }] },
      throwOnError: true,
    });
    expect(submitted.data.status).toBe('submitted');
    const applicationId = submitted.data.id;

    // The rescue reviews, checks the reference and approves.
    let version = submitted.data.version;
    for (const action of ['start_review', 'start_reference_check'] as const) {
      version = (await reviewApplication({ client: rescuer, path: { applicationId }, body: { action, expectedVersion: version }, throwOnError: true })).data
        .version;
    }
    const detail = await getApplication({ client: rescuer, path: { applicationId }, throwOnError: true });
    const reference = detail.data.references[0];
    const contacted = await updateApplicationReference({
      client: rescuer,
      path: { applicationId, referenceId: reference.id },
      body: { expectedVersion: reference.version, status: 'contacted', notes: 'Called the surgery.' },
      throwOnError: true,
    });
    await updateApplicationReference({
      client: rescuer,
      path: { applicationId, referenceId: reference.id },
      body: { expectedVersion: contacted.data.version, status: 'verified', notes: 'A responsible owner.' },
      throwOnError: true,
    });
    const approved = await reviewApplication({
      client: rescuer,
      path: { applicationId },
      body: { action: 'approve', expectedVersion: version, reason: 'A lovely home.' },
      throwOnError: true,
    });
    expect(approved.data.status).toBe('approved');

    // The adopter is told, in the centre and by e-mail; the pet is pending.
    const centre = await listNotifications({ client: adopter, throwOnError: true });
    expect(centre.data.items.find((n) => n.type === 'application_status_changed' && n.resourceId === applicationId && /approved/.test(n.title))).toBeDefined();
    const mail = await stack.smtp.waitForMail(adopterEmail, /approved/, { timeoutMs: 15_000 });
    expect(mail.text).toContain('A lovely home.');
    expect((await getPet({ client: adopter, path: { petId: pet.data.id }, throwOnError: true })).data.availability).toBe('pending');

    // The adoption is completed: the pet is adopted.
    await reviewApplication({
      client: rescuer,
      path: { applicationId },
      body: { action: 'complete', expectedVersion: approved.data.version },
      throwOnError: true,
    });
    expect((await getPet({ client: adopter, path: { petId: pet.data.id }, throwOnError: true })).data.availability).toBe('adopted');
    expect((await getApplication({ client: adopter, path: { applicationId }, throwOnError: true })).data).toMatchObject({
      status: 'completed',
      references: [{ status: 'verified', notes: null }],
    });
  }, 60_000);
});

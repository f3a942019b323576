// Demo applications on a freshly seeded demo database, so that `npm run demo` shows the adoption side too: an
// adopter with applications in several states (one with a thread and a scheduled home visit), and a rescue admin
// who reviews them. Plain SQL like the rest of the seed; the accounts sign in with the seeded password.
import { publiclyVisiblePetSql } from '@app/catalog';
import { CORE_QUESTION_SET_ID, CORE_SAMPLE_ANSWERS } from '@app/database';
import type { DataSource } from 'typeorm';
import { SEEDED_PASSWORD_HASH, SeededRandom, seededUuidV7 } from './catalog-generator';

export const DEMO_ADOPTER_EMAIL = 'adopter@seed.example';
export const DEMO_RESCUE_ADMIN_EMAIL = 'rescue-admin@seed.example';

type Step = readonly [from: string | null, to: string];
const PLANS: ReadonlyArray<{ steps: readonly Step[]; thread?: boolean; visit?: boolean }> = [
  { steps: [[null, 'submitted']] },
  {
    steps: [
      [null, 'submitted'],
      ['submitted', 'under_review'],
    ],
    thread: true,
  },
  {
    steps: [
      [null, 'submitted'],
      ['submitted', 'under_review'],
      ['under_review', 'home_visit'],
    ],
    visit: true,
  },
];

export async function seedDemoApplications(dataSource: DataSource, now = Date.now()): Promise<{ applications: number }> {
  const random = new SeededRandom(424242);
  const timeOrderedId = (at: number) => seededUuidV7(at, random);
  const [rescue]: Array<{ id: string }> = await dataSource.query("SELECT id FROM rescues WHERE email = 'rescue-1@seed.example'");
  const [rehomer]: Array<{ id: string }> = await dataSource.query("SELECT id FROM users WHERE email = 'rehomer-1@seed.example'");
  const available = `${publiclyVisiblePetSql('pets')} AND availability = 'available'`;
  const rescuePets: Array<{ id: string }> = await dataSource.query(`SELECT id FROM pets WHERE rescue_id = ? AND ${available} ORDER BY id LIMIT ?`, [
    rescue.id,
    PLANS.length,
  ]);
  const rehomerPets: Array<{ id: string }> = await dataSource.query(`SELECT id FROM pets WHERE owner_user_id = ? AND ${available} ORDER BY id LIMIT 1`, [
    rehomer?.id ?? '',
  ]);

  const adopterId = timeOrderedId(now - 40 * 86_400_000);
  const adminId = timeOrderedId(now - 39 * 86_400_000);
  await dataSource.query(
    `INSERT INTO users (id, email, email_verified_at, password_hash, name, role, status, city) VALUES
       (?, ?, CURRENT_TIMESTAMP(3), ?, 'Alex Adopter', 'adopter', 'active', 'Leeds'),
       (?, ?, CURRENT_TIMESTAMP(3), ?, 'Robin Rescuer', 'rescue_admin', 'active', 'Leeds')`,
    [adopterId, DEMO_ADOPTER_EMAIL, SEEDED_PASSWORD_HASH, adminId, DEMO_RESCUE_ADMIN_EMAIL, SEEDED_PASSWORD_HASH],
  );
  await dataSource.query("INSERT INTO rescue_staff (rescue_id, user_id, role) VALUES (?, ?, 'admin')", [rescue.id, adminId]);

  const targets = [
    ...rescuePets.map((pet, i) => ({ pet, plan: PLANS[i], rescueId: rescue.id as string | null, ownerUserId: null as string | null })),
    ...rehomerPets.map((pet) => ({ pet, plan: PLANS[0], rescueId: null as string | null, ownerUserId: rehomer.id as string | null })),
  ];
  for (const [i, { pet, plan, rescueId, ownerUserId }] of targets.entries()) {
    const submitted = now - (10 - i) * 86_400_000;
    const id = timeOrderedId(submitted);
    const status = plan.steps[plan.steps.length - 1][1];
    await dataSource.query(
      `INSERT INTO applications (id, pet_id, applicant_id, owner_type, rescue_id, owner_user_id, question_set_id, answers, status, assignee_id, active_pet_id,
         submitted_at, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(? / 1000), FROM_UNIXTIME(? / 1000), CURRENT_TIMESTAMP(3), ?)`,
      [
        id,
        pet.id,
        adopterId,
        rescueId ? 'rescue' : 'individual',
        rescueId,
        ownerUserId,
        CORE_QUESTION_SET_ID,
        JSON.stringify(CORE_SAMPLE_ANSWERS),
        status,
        rescueId && plan.steps.length > 1 ? adminId : null,
        pet.id,
        submitted,
        submitted,
        plan.steps.length,
      ],
    );
    for (const [step, [from, to]] of plan.steps.entries()) {
      await dataSource.query(
        'INSERT INTO application_status_history (id, application_id, from_status, to_status, actor_id, created_at) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(? / 1000))',
        [timeOrderedId(submitted + step * 3_600_000), id, from, to, from === null ? adopterId : rescueId ? adminId : ownerUserId, submitted + step * 3_600_000],
      );
    }
    await dataSource.query(
      "INSERT INTO application_references (id, application_id, position, name, relationship, email) VALUES (?, ?, 0, 'Dr Sam Patel', 'vet', 'vet@seed.example')",
      [timeOrderedId(submitted), id],
    );
    if (plan.thread) {
      await dataSource.query(
        `INSERT INTO application_messages (id, application_id, sequence, sender_id, sender_side, body, created_at) VALUES
           (?, ?, 1, ?, 'applicant', 'Is she happy around other dogs?', FROM_UNIXTIME(? / 1000)),
           (?, ?, 2, ?, 'owner', 'Yes, she lived with two. Could we visit you next week?', FROM_UNIXTIME(? / 1000))`,
        [
          timeOrderedId(submitted + 7_200_000),
          id,
          adopterId,
          submitted + 7_200_000,
          timeOrderedId(submitted + 10_800_000),
          id,
          adminId,
          submitted + 10_800_000,
        ],
      );
    }
    if (plan.visit) {
      await dataSource.query(
        "INSERT INTO application_home_visits (id, application_id, scheduled_at, notes, scheduled_by) VALUES (?, ?, FROM_UNIXTIME(? / 1000), 'Meet the family.', ?)",
        [timeOrderedId(submitted), id, now + 7 * 86_400_000, adminId],
      );
    }
  }
  return { applications: targets.length };
}

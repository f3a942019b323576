// Every table that holds rows of a user, and what a data export and an erasure do with it. The privacy test
// compares this map with the migrated schema (columns user_id / created_by / actor_id and foreign keys to
// users), so a new table of personal data cannot be forgotten by either.
export interface UserDataTable {
  /** Column linking a row to the user. */
  column: string;
  export: string;
  erasure: string;
}

export const USER_DATA_TABLES: Record<string, UserDataTable> = {
  users: { column: 'id', export: 'profile', erasure: 'anonymised in place (name, e-mail, phone, city, bio, password, 2FA cleared)' },
  user_preferences: { column: 'user_id', export: 'preferences', erasure: 'deleted' },
  auth_sessions: { column: 'user_id', export: 'sessions: device, ip, times (no token hashes)', erasure: 'deleted' },
  refresh_tokens: { column: 'session_id', export: 'not exported: secrets (hashes only)', erasure: 'deleted with their sessions (ON DELETE CASCADE)' },
  email_tokens: { column: 'user_id', export: 'not exported: single-use secrets (hashes only)', erasure: 'deleted' },
  two_factor_backup_codes: { column: 'user_id', export: 'counts only (total, unused)', erasure: 'deleted' },
  data_exports: { column: 'user_id', export: 'earlier exports: job id and dates', erasure: 'deleted' },
  audit_log: { column: 'actor_id', export: 'entries where the user is the actor', erasure: 'kept: entries hold ids, never personal values' },
  jobs: { column: 'created_by', export: 'jobs the user started (type, status, result)', erasure: 'kept: payloads and results hold ids only' },
  idempotency_keys: { column: 'caller', export: 'not exported: replay cache kept 24 hours', erasure: 'deleted (stored responses may hold personal data)' },
  rescue_staff: { column: 'user_id', export: 'rescue memberships (rescue, role, joined)', erasure: 'deleted: the user leaves every rescue' },
  staff_invitations: {
    column: 'invited_by / email',
    export: 'invitations sent (without the invitee address) and received (to the user address)',
    erasure: 'invitations to the user address deleted; invitations sent keep the inviter id only',
  },
  pets: { column: 'owner_user_id', export: 'own listings of an individual rehomer', erasure: 'deleted, with their history, favourites and records (cascade)' },
  pet_favorites: { column: 'user_id', export: 'favourite pets', erasure: 'deleted' },
  pet_status_history: { column: 'actor_id', export: 'status changes the user made', erasure: 'kept: ids and statuses of pets, no personal values' },
  medical_records: {
    column: 'created_by / verified_by',
    export: 'records the user wrote or verified (ids, type, date, title)',
    erasure: 'kept: about pets, the user appears as an id only',
  },
  application_question_sets: {
    column: 'created_by',
    export: "not exported: a rescue form the user saved as its admin (the rescue's, not personal)",
    erasure: 'kept: the user appears as an id only',
  },
  application_drafts: { column: 'applicant_id', export: 'drafts (pet, answers, references)', erasure: 'deleted' },
  applications: {
    column: 'applicant_id / owner_user_id / assignee_id',
    export: 'applications made (pet, status, answers, dates) with their references, every step (without internal notes) and the whole thread; drafts',
    erasure:
      'applications made deleted with their history, references, visits and messages (cascade), and the notifications about them; applications for an individual listing go with the listing; assignments keep the id only',
  },
  application_status_history: {
    column: 'actor_id',
    export: "steps of the user's own applications (without internal notes), and steps the user took on other people's (with their notes)",
    erasure: "with the user's applications deleted; on other people's kept: ids and statuses",
  },
  application_messages: {
    column: 'sender_id',
    export: "the threads of the user's applications, and messages the user sent on other people's",
    erasure: "with the user's applications deleted; on other people's (as rescue staff or rehomer) kept with the sender id",
  },
  notifications: {
    column: 'user_id',
    export: 'notifications received (type, title, body, record, read and e-mail state), in-app or e-mail only',
    erasure: 'deleted (with them any e-mail still waiting)',
  },
};

import type { Role } from '@app/contracts';

/** The authenticated caller, from a verified access token. */
export interface Principal {
  userId: string;
  role: Role;
  sessionId: string;
}

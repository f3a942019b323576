// What the pets feature needs to know about rescues: whether one exists, whether it is verified, and the
// caller's role in it. A port (DI token), so the pets services never read the rescues' tables themselves;
// pets.module.ts binds it to the rescues module's membership service.
import type { RescueStatus, StaffRole } from '@app/contracts';
import type { TransactionContext } from '@app/database';

export interface RescueStanding {
  status: RescueStatus;
  /** The caller's role in the rescue; null when they are not a member (or anonymous). */
  staffRole: StaffRole | null;
}

export abstract class PetRescueAccess {
  /**
   * The rescue's status and the user's role in it; null when there is no such rescue (or it is deleted). Pass the
   * transaction when there is one: a request must never wait for a second pool connection while holding one.
   */
  abstract standingOf(rescueId: string, userId: string | null, tx?: TransactionContext): Promise<RescueStanding | null>;
  /** The rescue's status, locking its row until `tx` ends (so it cannot be rejected while one of its pets is published). */
  abstract lockStatus(tx: TransactionContext, rescueId: string): Promise<RescueStatus | null>;
  /** The rescues the user is a member of, whatever their role. */
  abstract memberRescueIds(userId: string): Promise<string[]>;
}

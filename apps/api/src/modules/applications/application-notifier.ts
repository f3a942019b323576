// Who hears about what happens to an application, as a port: the services say what happened, inside their
// transaction; application-notifier.adapter.ts turns it into notifications (in-app and e-mail) for the right people.
import type { ApplicationStatus } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { ApplicationEntity } from '@app/catalog';

/** What the notifications name: the application, its pet and both sides. */
export type NotifiedApplication = Pick<ApplicationEntity, 'id' | 'petId' | 'applicantId' | 'ownerType' | 'rescueId' | 'ownerUserId' | 'assigneeId'> & {
  petName: string;
  applicantName: string;
};

export interface StatusChangeEvent {
  /** The history entry of the change: it keys the notification, so a retried change does not notify twice. */
  historyId: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  reason: string | null;
  /** null when the platform made the change (another application for the pet was approved). */
  actorId: string | null;
}

export abstract class ApplicationNotifier {
  /** The owner side hears of a new application. */
  abstract submitted(tx: TransactionContext, application: NotifiedApplication): Promise<void>;
  /** The other side hears of each status change: the applicant of the owner side's steps, the owner side of a withdrawal. */
  abstract statusChanged(tx: TransactionContext, changes: ReadonlyArray<{ application: NotifiedApplication; change: StatusChangeEvent }>): Promise<void>;
  /** A new assignee hears that an application is theirs (not when they assigned it to themselves). */
  abstract assigned(
    tx: TransactionContext,
    application: NotifiedApplication,
    assignment: { assigneeId: string; actorId: string; version: number },
  ): Promise<void>;
  /** The other side of the thread hears of a message. */
  abstract messageReceived(
    tx: TransactionContext,
    application: NotifiedApplication,
    message: { id: string; senderId: string; fromApplicant: boolean; body: string },
  ): Promise<void>;
}

export function notifiedApplication(application: ApplicationEntity): NotifiedApplication {
  return {
    id: application.id,
    petId: application.petId,
    applicantId: application.applicantId,
    ownerType: application.ownerType,
    rescueId: application.rescueId,
    ownerUserId: application.ownerUserId,
    assigneeId: application.assigneeId,
    petName: application.pet!.name,
    applicantName: application.applicant!.name,
  };
}

import { Injectable } from '@nestjs/common';
import type { ApplicationStatus } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import { Notifier, type NotificationEvent } from '@app/notifications';
import { PET_MANAGING_STAFF_ROLES } from '../pets/pet-access';
import { ApplicationNotifier, type NotifiedApplication, type StatusChangeEvent } from './application-notifier';
import { ApplicationRescues } from './application-ports';

const STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: 'submitted',
  under_review: 'under review',
  reference_check: 'checking references',
  home_visit: 'home visit',
  waitlisted: 'on the waitlist',
  approved: 'approved',
  rejected: 'not successful',
  withdrawn: 'withdrawn',
  completed: 'adoption completed',
  cancelled: 'adoption cancelled',
};

/** A message's first words, as the preview in a notification. */
const preview = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * ApplicationNotifier over @app/notifications. On the owner side, an assigned application's news goes to its
 * assignee while they are still one of the rescue's admins or staff; otherwise to all of those (volunteers are not
 * told), or to the rehomer. Nobody is told of their own action. Event keys come from the rows that record the
 * event, so a retried change notifies once.
 */
@Injectable()
export class ApplicationNotifications extends ApplicationNotifier {
  constructor(
    private readonly notifier: Notifier,
    private readonly rescues: ApplicationRescues,
  ) {
    super();
  }

  async submitted(tx: TransactionContext, application: NotifiedApplication): Promise<void> {
    const owners = await this.ownerSide(tx, application, application.applicantId);
    await this.notifier.notify(
      tx,
      owners.map((userId) =>
        this.event(
          application,
          userId,
          'application_submitted',
          `New application for ${application.petName}`,
          `${application.applicantName} applied to adopt ${application.petName}.`,
          `application-submitted:${application.id}`,
        ),
      ),
    );
  }

  async statusChanged(tx: TransactionContext, changes: ReadonlyArray<{ application: NotifiedApplication; change: StatusChangeEvent }>): Promise<void> {
    const events: NotificationEvent[] = [];
    for (const { application, change } of changes) {
      const byApplicant = change.actorId === application.applicantId;
      const recipients = byApplicant ? await this.ownerSide(tx, application, change.actorId) : [application.applicantId];
      // The applicant's one step is withdrawing; every other change is the owner side's or the platform's.
      const title = byApplicant
        ? `${application.applicantName} withdrew their application for ${application.petName}`
        : `Your application for ${application.petName}: ${STATUS_LABELS[change.to]}`;
      const body = change.reason ? `Reason: ${change.reason}` : `The application is now ${STATUS_LABELS[change.to]} (it was ${STATUS_LABELS[change.from]}).`;
      for (const userId of recipients)
        events.push(this.event(application, userId, 'application_status_changed', title, body, `application-status:${change.historyId}`));
    }
    await this.notifier.notify(tx, events);
  }

  async assigned(
    tx: TransactionContext,
    application: NotifiedApplication,
    assignment: { assigneeId: string; actorId: string; version: number },
  ): Promise<void> {
    if (assignment.assigneeId === assignment.actorId) return;
    await this.notifier.notify(tx, [
      this.event(
        application,
        assignment.assigneeId,
        'application_assigned',
        `Application for ${application.petName} assigned to you`,
        `You are reviewing ${application.applicantName}'s application to adopt ${application.petName}.`,
        `application-assigned:${application.id}:${assignment.version}`,
      ),
    ]);
  }

  async messageReceived(
    tx: TransactionContext,
    application: NotifiedApplication,
    message: { id: string; senderId: string; fromApplicant: boolean; body: string },
  ): Promise<void> {
    const recipients = message.fromApplicant ? await this.ownerSide(tx, application, message.senderId) : [application.applicantId];
    await this.notifier.notify(
      tx,
      recipients.map((userId) =>
        this.event(
          application,
          userId,
          'message_received',
          `New message about ${application.petName}`,
          preview(message.body),
          `application-message:${message.id}`,
        ),
      ),
    );
  }

  private async ownerSide(tx: TransactionContext, application: NotifiedApplication, except: string | null): Promise<string[]> {
    const owners = application.ownerType === 'individual' ? [application.ownerUserId!] : await this.rescueSide(tx, application);
    return owners.filter((userId) => userId !== except);
  }

  /** The assignee while they are still one of the rescue's admins or staff; otherwise all of those. */
  private async rescueSide(tx: TransactionContext, application: NotifiedApplication): Promise<string[]> {
    const members = await this.rescues.memberIdsOf(application.rescueId!, PET_MANAGING_STAFF_ROLES, tx);
    return application.assigneeId && members.includes(application.assigneeId) ? [application.assigneeId] : members;
  }

  private event(
    application: NotifiedApplication,
    userId: string,
    type: NotificationEvent['type'],
    title: string,
    body: string,
    eventKey: string,
  ): NotificationEvent {
    return { userId, type, title, body, resourceType: 'application', resourceId: application.id, eventKey };
  }
}

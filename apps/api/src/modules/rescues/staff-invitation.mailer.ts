import { Injectable, Logger } from '@nestjs/common';
import type { StaffRole } from '@app/contracts';
import { JOB, JobProducer } from '@app/jobs';

export interface StaffInvitationMail {
  to: string;
  /** The invitee's account, when the address has one. */
  userId: string | null;
  token: string;
  tokenHash: string;
  rescueName: string;
  role: StaffRole;
  inviterName: string;
}

/**
 * Queues the invitation mail (template `staff-invitation`). Called after commit: no mail for an invitation that
 * rolled back. If Redis is down the mail is lost (logged); the admin can invite again.
 */
@Injectable()
export class StaffInvitationMailer {
  private readonly logger = new Logger('StaffInvitationMailer');

  constructor(private readonly producer: JobProducer) {}

  async send(mail: StaffInvitationMail): Promise<void> {
    // One job per invitation: a retried enqueue adds it once.
    const jobId = `email-staff-invitation-${mail.tokenHash.slice(0, 32)}`;
    try {
      await this.producer.enqueue(
        JOB.sendEmail,
        {
          template: 'staff-invitation',
          to: mail.to,
          userId: mail.userId,
          params: { token: mail.token, rescueName: mail.rescueName, role: mail.role, inviterName: mail.inviterName },
        },
        { jobId },
      );
    } catch (error) {
      this.logger.warn({ err: error, userId: mail.userId }, 'staff invitation mail not queued');
    }
  }
}

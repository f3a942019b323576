import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@app/common';
import { JOB, type SendEmailPayload } from '@app/jobs';
import type { Job } from 'bullmq';
import { HandlesJob, type JobHandler } from '../handlers/job-handler';
import { MailSender } from './mail-sender';
import { renderEmail, SECURITY_TEMPLATES } from './templates';

/** How long a sent job id is remembered, so a retry after a successful send does not send again. */
const SENT_MEMORY_SECONDS = 24 * 3600;

/**
 * Sends one e-mail over SMTP. Delivery is at least once: BullMQ may run a job again after a crash or a stall.
 * The producer's job id makes a repeated enqueue a no-op, and a sent marker in Redis (set right after the SMTP
 * server accepted the message) skips a retry of a job that was in fact sent; the only window left for a double
 * mail is a crash between the SMTP answer and that marker. The job id is also the Message-ID, so receiving
 * servers can recognise a duplicate.
 */
@Injectable()
@HandlesJob(JOB.sendEmail)
export class SendEmailHandler implements JobHandler<typeof JOB.sendEmail> {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly sender: MailSender,
    private readonly redis: RedisClient,
  ) {}

  async handle(job: Job<SendEmailPayload>): Promise<Record<string, unknown>> {
    const { template, to, params } = job.data;
    const jobId = String(job.id);
    const sentKey = `mail:sent:${jobId}`;
    if (await this.redis.exists(sentKey).catch(() => 0)) return { skipped: 'already sent' };
    // These templates are sent whatever the notification preferences and quiet hours say: security mail always,
    // and the rest (data-export-ready, staff-invitation) answer something the recipient asked for. Preferences
    // and quiet hours apply to notification e-mail, which the notifications handlers deliver
    // (apps/worker/src/notifications, docs/notifications.md).
    const security = SECURITY_TEMPLATES.has(template);

    const messageId = await this.sender.send(to, renderEmail(template, params, this.sender.context), jobId);
    await this.redis.set(sentKey, '1', 'EX', SENT_MEMORY_SECONDS).catch((error: unknown) => this.logger.warn({ err: error, jobId }, 'sent marker not stored'));
    // Completed jobs stay in Redis for a day: do not keep live link tokens there once they are delivered.
    if (params.token) await job.updateData({ ...job.data, params: { ...params, token: '[sent]' } }).catch(() => undefined);
    return { template, security, messageId };
  }
}

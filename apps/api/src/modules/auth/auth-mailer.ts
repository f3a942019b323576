import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '@app/common';
import { JOB, JobProducer, type EmailTemplate } from '@app/jobs';

const ENQUEUE_TIMEOUT_MS = 2000;

export interface AuthMail {
  template: EmailTemplate;
  to: string;
  userId: string;
  params?: Record<string, string>;
  /**
   * Unique per message (a token hash prefix, a session id…): the BullMQ job id, so that a retried enqueue
   * adds the job once. Delivery stays at least once (an SMTP send may be repeated after a worker crash).
   */
  dedupeKey: string;
}

/**
 * Queues the security mails of sign-in and recovery. Always called after commit: a mail never announces a
 * change that rolled back. Redis being down loses the mail (logged); every such mail can be asked for again.
 */
@Injectable()
export class AuthMailer {
  private readonly logger = new Logger('AuthMailer');

  constructor(
    private readonly producer: JobProducer,
    private readonly redis: RedisClient,
  ) {}

  async send(mail: AuthMail): Promise<void> {
    const jobId = `email-${mail.template}-${mail.dedupeKey}`;
    const enqueued = this.producer.enqueue(JOB.sendEmail, { template: mail.template, to: mail.to, userId: mail.userId, params: mail.params ?? {} }, { jobId });
    let timer: NodeJS.Timeout | undefined;
    // A queue connection that is (re)connecting can hold a command for long; the answer to the client must not wait.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`enqueue took longer than ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([enqueued, timeout]);
    } catch (error) {
      enqueued.catch(() => undefined);
      this.logger.warn({ err: error, template: mail.template, userId: mail.userId }, 'mail not queued');
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * True at most once per `seconds` for a (purpose, user): anyone can trigger these mails by naming an
   * address, so they must not become a way to flood an inbox. Fails open when Redis is down.
   */
  async cooldownPassed(purpose: string, userId: string, seconds: number): Promise<boolean> {
    try {
      return (await this.redis.set(`auth:mail-cooldown:${purpose}:${userId}`, '1', 'EX', seconds, 'NX')) === 'OK';
    } catch {
      return true;
    }
  }
}

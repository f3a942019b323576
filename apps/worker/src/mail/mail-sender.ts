import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailContext, RenderedMail } from './templates';

/**
 * The one SMTP transport of the worker, shared by every handler that mails. A mail's Message-ID is built from a
 * key the caller derives from its job or record (the same on every redelivery), so receiving servers can
 * recognise a repeated delivery.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;
  /** What templates fill in: product name and the web app the links point to. */
  readonly context: MailContext;

  constructor(private readonly config: AppConfig) {
    this.transport = createTransport(config.SMTP_URL);
    this.context = { productName: config.PRODUCT_NAME, webAppUrl: config.WEB_APP_URL };
  }

  /** Sends once the SMTP server accepts it; returns the Message-ID. Throws on any SMTP failure (the job retries). */
  async send(to: string, mail: RenderedMail, messageKey: string): Promise<string> {
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${messageKey}@${this.messageIdDomain()}>`,
    });
    return info.messageId;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  private messageIdDomain(): string {
    const address = /@([^>\s]+)>?\s*$/.exec(this.config.MAIL_FROM);
    return address ? address[1] : 'localhost';
  }
}

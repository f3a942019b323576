// Owns outgoing e-mail: the SMTP transport (MailSender, shared with the notification e-mails), the templates, and
// the handler of the send-email job.
import { Module } from '@nestjs/common';
import { MailSender } from './mail-sender';
import { SendEmailHandler } from './send-email.handler';

@Module({ providers: [MailSender, SendEmailHandler], exports: [MailSender] })
export class MailModule {}

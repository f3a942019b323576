// Owns outgoing e-mail: the notifications queue handler, templates and SMTP transport.
import { Module } from '@nestjs/common';
import { SendEmailHandler } from './send-email.handler';

@Module({ providers: [SendEmailHandler] })
export class MailModule {}

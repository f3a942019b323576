// Owns outgoing e-mail: the notifications queue handler, templates and SMTP transport.
import { Module } from '@nestjs/common';

@Module({})
export class MailModule {}

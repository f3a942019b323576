// Owns rescue organisations: registration, verification, staff and invitations, settings and analytics.
import { Module } from '@nestjs/common';

@Module({})
export class RescuesModule {}

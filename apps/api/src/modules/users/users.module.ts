// Owns user accounts as records: profiles, preferences, roles, activation, data export and deletion.
import { Module } from '@nestjs/common';

@Module({})
export class UsersModule {}

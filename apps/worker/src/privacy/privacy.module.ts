// Owns the privacy jobs: complete data exports and the anonymisation of deleted accounts.
import { Module } from '@nestjs/common';

@Module({})
export class PrivacyModule {}

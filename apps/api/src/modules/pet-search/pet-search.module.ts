// Owns the public pet search (GET /pets): filters, full-text, distance and keyset pagination over published listings.
import { Module } from '@nestjs/common';

@Module({})
export class PetSearchModule {}

// Owns pet listings: records, the listing and availability state machines with their history, favourites, rehomer listings, reference data and medical records.
import { Module } from '@nestjs/common';

@Module({})
export class PetsModule {}

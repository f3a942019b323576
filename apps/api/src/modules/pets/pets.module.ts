// Serves pet listings (their tables and the availability change live in libs/catalog): records, the listing and
// availability state machines with their history, favourites, rehomer listings, reference data and medical records.
// Asks the rescues module (RescueMembershipService, through the PetRescueAccess port) whether a rescue is verified
// and who its staff are. Exports the access policy and PetAdoptionService (the availability changes of an adoption,
// for the applications module). docs/pets.md.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { RescuesModule } from '../rescues/rescues.module';
import { MedicalRecordsController } from './medical-records.controller';
import {
  CatalogModule,
  MedicalRecordsRepository,
  petEntities,
  ReferenceDataRepository,
  TypeOrmMedicalRecordsRepository,
  TypeOrmReferenceDataRepository,
} from '@app/catalog';
import { MedicalRecordsService } from './medical-records.service';
import { PetAccessPolicy } from './pet-access';
import { PetAdoptionService } from './pet-adoption.service';
import { PetListsService } from './pet-lists.service';
import { PetsController } from './pets.controller';
import { PetsService } from './pets.service';
import { ReferenceDataController } from './reference-data.controller';
import { ReferenceDataService } from './reference-data.service';
import { PetRescueAccess } from './rescue-access';
import { RescueMembershipAccess } from './rescue-access.adapter';

@Module({
  imports: [TypeOrmModule.forFeature(petEntities), AuditModule, CatalogModule, RescuesModule],
  controllers: [PetsController, MedicalRecordsController, ReferenceDataController],
  providers: [
    PetsService,
    PetListsService,
    MedicalRecordsService,
    ReferenceDataService,
    PetAccessPolicy,
    PetAdoptionService,
    { provide: PetRescueAccess, useClass: RescueMembershipAccess },
    { provide: MedicalRecordsRepository, useClass: TypeOrmMedicalRecordsRepository },
    { provide: ReferenceDataRepository, useClass: TypeOrmReferenceDataRepository },
  ],
  exports: [PetAccessPolicy, PetAdoptionService],
})
export class PetsModule {}

// Provides the catalog rules both processes apply: the one availability change of a pet (history, audit entry, fans'
// notification), the fans of a pet, and the catalog's part of a user's personal data. The api's feature modules
// import it; so do the worker's privacy and notification modules, which therefore write no SQL of their own on these
// tables. Needs the global JobProducer (JobsModule).
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { catalogEntities } from './catalog-entities';
import { PetAvailabilityChanges } from './pets/pet-availability-changes';
import { PetFans } from './pets/pet-fans';
import { PetsRepository, TypeOrmPetsRepository } from './pets/pets.repository';
import { CatalogPersonalData } from './privacy/catalog-personal-data';

@Module({
  imports: [TypeOrmModule.forFeature(catalogEntities), AuditModule],
  providers: [{ provide: PetsRepository, useClass: TypeOrmPetsRepository }, PetFans, PetAvailabilityChanges, CatalogPersonalData],
  exports: [PetsRepository, PetFans, PetAvailabilityChanges, CatalogPersonalData],
})
export class CatalogModule {}

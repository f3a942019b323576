// Owns the public pet search (GET /pets): filters, full-text, distance and keyset pagination over published listings.
// The SQL (and the indexes it relies on, see docs/search.md) lives in pet-search.sql.ts; geo cells in geo-cell.ts.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PetEntity } from '@app/catalog';
import { PetSearchController } from './pet-search.controller';
import { PetSearchRepository, SqlPetSearchRepository } from './pet-search.repository';
import { PetSearchService } from './pet-search.service';
import { SearchTotalCache } from './search-total.cache';

@Module({
  imports: [TypeOrmModule.forFeature([PetEntity])],
  controllers: [PetSearchController],
  providers: [PetSearchService, SearchTotalCache, { provide: PetSearchRepository, useClass: SqlPetSearchRepository }],
})
export class PetSearchModule {}

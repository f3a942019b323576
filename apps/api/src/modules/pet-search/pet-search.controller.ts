import { Controller, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import { operations, SearchPetsQuery, type PetSummaryPageDto } from '@app/contracts';
import { PetSearchService } from './pet-search.service';

@Controller()
export class PetSearchController {
  constructor(private readonly search: PetSearchService) {}

  @ContractRoute(operations.searchPets)
  searchPets(@Query() query: SearchPetsQuery): Promise<PetSummaryPageDto> {
    return this.search.search(query);
  }
}

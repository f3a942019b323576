import { Controller, Param } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import { ListBreedsParams, operations, type BreedPageDto, type SpeciesPageDto } from '@app/contracts';
import { ReferenceDataService } from './reference-data.service';

@Controller()
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  @ContractRoute(operations.listSpecies)
  listSpecies(): Promise<SpeciesPageDto> {
    return this.reference.listSpecies();
  }

  @ContractRoute(operations.listBreeds)
  listBreeds(@Param() params: ListBreedsParams): Promise<BreedPageDto> {
    return this.reference.listBreeds(params.species);
  }
}

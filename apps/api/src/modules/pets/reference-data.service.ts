import { Injectable } from '@nestjs/common';
import type { BreedPageDto, Species, SpeciesPageDto } from '@app/contracts';
import { SPECIES_LABELS } from '@app/database';
import { ReferenceDataRepository } from '@app/catalog';

/** Species and breeds: small, bounded reference lists, each answered as one page. */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly reference: ReferenceDataRepository) {}

  async listSpecies(): Promise<SpeciesPageDto> {
    const counts = await this.reference.breedCounts();
    const items = (Object.keys(SPECIES_LABELS) as Species[]).map((species) => ({ species, label: SPECIES_LABELS[species], breedCount: counts[species] ?? 0 }));
    return { items, nextCursor: null, total: items.length };
  }

  async listBreeds(species: Species): Promise<BreedPageDto> {
    const names = await this.reference.breedsOf(species);
    return { items: names.map((name) => ({ name, species })), nextCursor: null, total: names.length };
  }
}

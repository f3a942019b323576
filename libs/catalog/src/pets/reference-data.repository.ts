import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Species } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { BreedEntity } from './breed.entity';

export abstract class ReferenceDataRepository {
  /** Number of breeds per species; species without breeds are absent. */
  abstract breedCounts(): Promise<Partial<Record<Species, number>>>;
  /** The breed names of a species, by name. */
  abstract breedsOf(species: Species): Promise<string[]>;
}

@Injectable()
export class TypeOrmReferenceDataRepository extends ReferenceDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async breedCounts(): Promise<Partial<Record<Species, number>>> {
    const rows = await this.dataSource
      .getRepository(BreedEntity)
      .createQueryBuilder('b')
      .select('b.species', 'species')
      .addSelect('COUNT(*)', 'count')
      .groupBy('b.species')
      .getRawMany<{ species: Species; count: string | number }>();
    return Object.fromEntries(rows.map((row) => [row.species, Number(row.count)]));
  }

  async breedsOf(species: Species): Promise<string[]> {
    const rows = await this.dataSource.getRepository(BreedEntity).find({ where: { species }, order: { name: 'ASC' } });
    return rows.map((row) => row.name);
  }
}

import { BreedEntity } from './breed.entity';
import { MedicalRecordEntity } from './medical-record.entity';
import { PetFavoriteEntity } from './pet-favorite.entity';
import { PetStatusHistoryEntity } from './pet-status-history.entity';
import { PetEntity } from './pet.entity';

/** The tables the pets module maps (listed in apps/api/src/entities.ts). */
export const petEntities = [PetEntity, PetStatusHistoryEntity, PetFavoriteEntity, MedicalRecordEntity, BreedEntity];

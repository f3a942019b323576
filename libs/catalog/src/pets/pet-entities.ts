import { BreedEntity } from './breed.entity';
import { MedicalRecordEntity } from './medical-record.entity';
import { PetFavoriteEntity } from './pet-favorite.entity';
import { PetStatusHistoryEntity } from './pet-status-history.entity';
import { PetEntity } from './pet.entity';

/** The pets tables of the catalog. */
export const petEntities = [PetEntity, PetStatusHistoryEntity, PetFavoriteEntity, MedicalRecordEntity, BreedEntity];

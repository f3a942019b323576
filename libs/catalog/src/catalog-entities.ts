import { applicationEntities } from './applications/application-entities';
import { petEntities } from './pets/pet-entities';
import { rescueEntities } from './rescues/rescue-entities';

/** Every table of the catalog. */
export const catalogEntities = [...rescueEntities, ...petEntities, ...applicationEntities];

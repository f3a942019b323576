// Every migration, in order. New migrations are appended; applied ones are never edited.
import { Foundation1763780000000 } from './1763780000000-foundation';
import { Identity1763790000000 } from './1763790000000-identity';
import { Catalog1763800000000 } from './1763800000000-catalog';

export const migrations = [Foundation1763780000000, Identity1763790000000, Catalog1763800000000];

// Every migration, in order. New migrations are appended; applied ones are never edited.
import { Foundation1763780000000 } from './1763780000000-foundation';
import { Identity1763790000000 } from './1763790000000-identity';

export const migrations = [Foundation1763780000000, Identity1763790000000];

// Every migration, in order. New migrations are appended; applied ones are never edited.
import { Foundation1763780000000 } from './1763780000000-foundation';

export const migrations = [Foundation1763780000000];

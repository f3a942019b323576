// Every migration, in order. New migrations are appended; applied ones are never edited.
import { Foundation1763780000000 } from './1763780000000-foundation';
import { Identity1763790000000 } from './1763790000000-identity';
import { Catalog1763800000000 } from './1763800000000-catalog';
import { Breeds1763810000000 } from './1763810000000-breeds';
import { PetSearch1763820000000 } from './1763820000000-pet-search';
import { Applications1763830000000 } from './1763830000000-applications';
import { Notifications1763840000000 } from './1763840000000-notifications';
import { NotificationRetention1763850000000 } from './1763850000000-notification-retention';
import { MessageSequence1763860000000 } from './1763860000000-message-sequence';
import { JobErrorCodes1763872000000 } from './1763872000000-job-error-codes';

export const migrations = [
  Foundation1763780000000,
  Identity1763790000000,
  Catalog1763800000000,
  Breeds1763810000000,
  PetSearch1763820000000,
  Applications1763830000000,
  Notifications1763840000000,
  NotificationRetention1763850000000,
  MessageSequence1763860000000,
  JobErrorCodes1763872000000,
];

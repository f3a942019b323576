import { ApplicationDraftEntity } from './application-draft.entity';
import { ApplicationMessageEntity } from './application-message.entity';
import { ApplicationReferenceEntity } from './application-reference.entity';
import { ApplicationStatusHistoryEntity } from './application-status-history.entity';
import { ApplicationEntity } from './application.entity';
import { HomeVisitEntity } from './home-visit.entity';
import { QuestionSetEntity } from './question-set.entity';

/** The applications tables of the catalog. */
export const applicationEntities = [
  QuestionSetEntity,
  ApplicationDraftEntity,
  ApplicationEntity,
  ApplicationStatusHistoryEntity,
  ApplicationReferenceEntity,
  HomeVisitEntity,
  ApplicationMessageEntity,
];

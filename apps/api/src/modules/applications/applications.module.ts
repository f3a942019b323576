// Owns adoption applications: the application forms (the core library and each rescue's versioned form), drafts,
// submission, the review workflow with its history, assignment, home visits, references, bulk changes, the
// message thread of each application, and the notifications of all of it. Asks pets (PetAdoptionService) and
// rescues (RescueMembershipService) through ports, and tells people through @app/notifications. docs/applications.md.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { PetsModule } from '../pets/pets.module';
import { RescuesModule } from '../rescues/rescues.module';
import { ApplicationAccessPolicy } from './application-access';
import { ApplicationCaseworkController } from './application-casework.controller';
import { ApplicationCaseworkService } from './application-casework.service';
import { ApplicationDetailReader } from './application-detail.reader';
import { ApplicationDraftsController } from './application-drafts.controller';
import {
  ApplicationDraftsRepository,
  applicationEntities,
  ApplicationMessagesRepository,
  ApplicationsRepository,
  CaseworkRepository,
  QuestionSetsRepository,
  TypeOrmApplicationDraftsRepository,
  TypeOrmApplicationMessagesRepository,
  TypeOrmApplicationsRepository,
  TypeOrmCaseworkRepository,
  TypeOrmQuestionSetsRepository,
} from '@app/catalog';
import { ApplicationDraftsService } from './application-drafts.service';
import { ApplicationFormsController } from './application-forms.controller';
import { ApplicationFormsService } from './application-forms.service';
import { ApplicationMessagesService } from './application-messages.service';
import { ApplicationNotifier } from './application-notifier';
import { ApplicationNotifications } from './application-notifier.adapter';
import { ApplicationPets, ApplicationRescues } from './application-ports';
import { PetAdoptionAccess, RescueMembershipAdapter } from './application-ports.adapter';
import { ApplicationReviewService } from './application-review.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [TypeOrmModule.forFeature(applicationEntities), AuditModule, NotificationsModule, PetsModule, RescuesModule],
  controllers: [ApplicationsController, ApplicationFormsController, ApplicationDraftsController, ApplicationCaseworkController],
  providers: [
    ApplicationsService,
    ApplicationReviewService,
    ApplicationFormsService,
    ApplicationDraftsService,
    ApplicationCaseworkService,
    ApplicationMessagesService,
    ApplicationDetailReader,
    ApplicationAccessPolicy,
    { provide: ApplicationPets, useClass: PetAdoptionAccess },
    { provide: ApplicationRescues, useClass: RescueMembershipAdapter },
    { provide: ApplicationNotifier, useClass: ApplicationNotifications },
    { provide: ApplicationsRepository, useClass: TypeOrmApplicationsRepository },
    { provide: CaseworkRepository, useClass: TypeOrmCaseworkRepository },
    { provide: QuestionSetsRepository, useClass: TypeOrmQuestionSetsRepository },
    { provide: ApplicationDraftsRepository, useClass: TypeOrmApplicationDraftsRepository },
    { provide: ApplicationMessagesRepository, useClass: TypeOrmApplicationMessagesRepository },
  ],
})
export class ApplicationsModule {}

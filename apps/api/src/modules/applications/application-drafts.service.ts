import { Injectable } from '@nestjs/common';
import { newId, NotFoundError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type {
  ApplicationDraftDto,
  ApplicationDraftPageDto,
  CreateApplicationDraftRequestDto,
  ListApplicationDraftsQuery,
  UpdateApplicationDraftRequestDto,
} from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { assertValidSubmission, storedAnswers } from './application-form';
import { ApplicationFormsService } from './application-forms.service';
import { ApplicationAccessPolicy } from './application-access';
import { ApplicationPets } from './application-ports';
import { type ApplicationDraftEntity, ApplicationDraftsRepository } from '@app/catalog';
import { toDraftDto } from './application.mapper';

/**
 * Drafts let an adopter save an application and come back to it. Only their author sees them (404 for anyone
 * else). What a draft holds is checked for type and choices against the pet's current form, not for
 * completeness; submitting checks everything again.
 */
@Injectable()
export class ApplicationDraftsService {
  constructor(
    private readonly drafts: ApplicationDraftsRepository,
    private readonly forms: ApplicationFormsService,
    private readonly pets: ApplicationPets,
    private readonly access: ApplicationAccessPolicy,
  ) {}

  async create(tx: TransactionContext, caller: Principal, body: CreateApplicationDraftRequestDto): Promise<ApplicationDraftDto> {
    const found = await this.pets.find(body.petId, caller, tx);
    if (!found?.visible) throw new NotFoundError('Pet', body.petId);
    await this.access.assertMayApply(found.pet, caller, tx);
    const answers = body.answers ?? {};
    const references = body.references ?? [];
    assertValidSubmission((await this.forms.setForPet(found.pet, tx)).questions, answers, references, 'partial');
    const draft = { id: newId(), applicantId: caller.userId, petId: body.petId, answers: storedAnswers(answers), references };
    await this.drafts.insert(tx, draft);
    return toDraftDto((await this.drafts.findById(draft.id, tx))!);
  }

  async get(caller: Principal, draftId: string): Promise<ApplicationDraftDto> {
    return toDraftDto(await this.own(caller, draftId));
  }

  async update(caller: Principal, draftId: string, body: UpdateApplicationDraftRequestDto): Promise<ApplicationDraftDto> {
    const draft = await this.own(caller, draftId);
    const found = await this.pets.find(draft.petId, caller);
    if (!found?.visible) throw new NotFoundError('Pet', draft.petId);
    const answers = body.answers ?? draft.answers;
    const references = body.references ?? draft.references;
    assertValidSubmission((await this.forms.setForPet(found.pet)).questions, answers, references, 'partial');
    return this.drafts.transaction(async (tx) => {
      await this.drafts.update(tx, draftId, body.expectedVersion, {
        ...(body.answers !== undefined ? { answers: storedAnswers(body.answers) } : {}),
        ...(body.references !== undefined ? { references: body.references } : {}),
      });
      return toDraftDto((await this.drafts.findById(draftId, tx))!);
    });
  }

  async remove(caller: Principal, draftId: string): Promise<void> {
    await this.own(caller, draftId);
    if (!(await this.drafts.delete(draftId))) throw new NotFoundError('Draft', draftId);
  }

  async list(caller: Principal, query: ListApplicationDraftsQuery): Promise<ApplicationDraftPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await Promise.all([this.drafts.list(caller.userId, decodeCursor(query.cursor), limit + 1), this.drafts.count(caller.userId)]);
    return { ...toKeysetPage(rows, limit, toDraftDto), total };
  }

  private async own(caller: Principal, draftId: string): Promise<ApplicationDraftEntity> {
    const draft = await this.drafts.findById(draftId);
    if (!draft || draft.applicantId !== caller.userId) throw new NotFoundError('Draft', draftId);
    return draft;
  }
}

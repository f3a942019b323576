import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { DomainError, newId, NotFoundError, VersionConflictError } from '@app/common';
import type { ApplicationQuestionSetDto, ReplaceQuestionSetRequestDto } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { questionSetFrom } from './application-form';
import { ApplicationPets, ApplicationRescues } from './application-ports';
import { toQuestionSetDto } from './application.mapper';
import { type PetEntity, type QuestionSetEntity, QuestionSetsRepository } from '@app/catalog';

/**
 * Application forms: the core library, each rescue's versioned form, and the form of a given pet. A rescue uses
 * the core library until an admin saves its own; each save is a new version and older versions stay, because
 * applications keep the one they answered.
 */
@Injectable()
export class ApplicationFormsService {
  constructor(
    private readonly sets: QuestionSetsRepository,
    private readonly rescues: ApplicationRescues,
    private readonly pets: ApplicationPets,
    private readonly audit: AuditService,
  ) {}

  async core(): Promise<ApplicationQuestionSetDto> {
    return toQuestionSetDto(await this.coreSet(), null);
  }

  async forRescue(rescueId: string): Promise<ApplicationQuestionSetDto> {
    if (!(await this.rescues.exists(rescueId))) throw new NotFoundError('Rescue', rescueId);
    return toQuestionSetDto(await this.currentSet(rescueId), rescueId);
  }

  /** The form an application for the pet answers; 404 unless the caller may see the pet. */
  async forPet(caller: Principal | null, petId: string): Promise<ApplicationQuestionSetDto> {
    const found = await this.pets.find(petId, caller);
    if (!found?.visible) throw new NotFoundError('Pet', petId);
    return toQuestionSetDto(await this.setForPet(found.pet), found.pet.rescueId);
  }

  /** The current form of the pet's owner: its rescue's, or the core library for a rehomer's pet. */
  setForPet(pet: Pick<PetEntity, 'rescueId'>, tx?: TransactionContext): Promise<QuestionSetEntity> {
    return this.currentSet(pet.rescueId, tx);
  }

  /** Admins of the rescue save a new version; a concurrent save of the same version loses with VERSION_CONFLICT. */
  async replaceForRescue(caller: Principal, rescueId: string, body: ReplaceQuestionSetRequestDto): Promise<ApplicationQuestionSetDto> {
    const role = await this.rescues.roleOf(caller.userId, rescueId);
    if (role === null) {
      if (!(await this.rescues.exists(rescueId))) throw new NotFoundError('Rescue', rescueId);
      throw new DomainError('FORBIDDEN', "Only the rescue's admins change its application form.", { rescueId });
    }
    if (role !== 'admin') throw new DomainError('FORBIDDEN', "Only the rescue's admins change its application form.", { rescueId });
    const current = await this.currentSet(rescueId);
    const currentVersion = current.rescueId === null ? 0 : current.version;
    if (currentVersion !== body.expectedVersion) throw new VersionConflictError('Application form', currentVersion);
    const questions = questionSetFrom(body.questions, (await this.coreSet()).questions);
    const saved = await this.sets.transaction(async (tx) => {
      const set = { id: newId(), rescueId, version: currentVersion + 1, questions, createdBy: caller.userId };
      if (!(await this.sets.insert(tx, set))) throw new VersionConflictError('Application form', (await this.currentSet(rescueId, tx)).version);
      await this.audit.record(tx, {
        action: 'rescue.application_form_saved',
        targetType: 'rescue',
        targetId: rescueId,
        before: { version: currentVersion },
        after: { version: set.version, questions: questions.map((question) => question.key) },
      });
      return this.sets.findById(set.id, tx);
    });
    return toQuestionSetDto(saved!, rescueId);
  }

  private async coreSet(tx?: TransactionContext): Promise<QuestionSetEntity> {
    const core = await this.sets.current(null, tx);
    if (!core) throw new Error('the core application form is missing: migrations were not applied');
    return core;
  }

  private async currentSet(rescueId: string | null, tx?: TransactionContext): Promise<QuestionSetEntity> {
    return (rescueId !== null ? await this.sets.current(rescueId, tx) : null) ?? this.coreSet(tx);
  }
}

import { Injectable } from '@nestjs/common';
import type { TransactionContext } from '@app/database';
import { applicationNotFound } from './application-access';
import type { ApplicationDetail } from './application.mapper';
import { type ApplicationEntity, ApplicationsRepository, CaseworkRepository, QuestionSetsRepository } from '@app/catalog';

/** Everything the detail of an application shows: the row, the form version it answered, references and home visits. */
@Injectable()
export class ApplicationDetailReader {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly casework: CaseworkRepository,
    private readonly sets: QuestionSetsRepository,
  ) {}

  /** Reads in `tx` when given (one connection: the reads run one after the other); `application` when already read. */
  async read(applicationId: string, tx?: TransactionContext, application?: ApplicationEntity): Promise<ApplicationDetail> {
    const row = application ?? (await this.applications.findById(applicationId, tx));
    if (!row) throw applicationNotFound(applicationId);
    const questionSet = await this.sets.findById(row.questionSetId, tx);
    const references = await this.casework.listReferences(applicationId, tx);
    const homeVisits = await this.casework.listHomeVisits(applicationId, tx);
    return { application: row, questionSet: questionSet!, references, homeVisits };
  }
}

import { Injectable } from '@nestjs/common';
import { newId, RealtimeSignals } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type { ApplicationMessageDto, ApplicationMessagePageDto, ListApplicationMessagesQuery, SendMessageRequestDto } from '@app/contracts';
import type { TransactionContext } from '@app/database';
import type { Principal } from '@app/identity';
import { ApplicationAccessPolicy, applicationNotFound, type ApplicationAccess } from './application-access';
import { ApplicationNotifier, notifiedApplication } from './application-notifier';
import { toMessageDto } from './application.mapper';
import { type ApplicationEntity, ApplicationMessagesRepository, ApplicationsRepository } from '@app/catalog';

/**
 * The thread of an application: between the applicant and the owner side (the rescue's admins and staff, or the
 * rehomer). Nobody else sees it, not the rescue's volunteers nor platform admins: 404, as for no application.
 * A sent message also reaches the open apps of the thread's readers live (docs/realtime.md).
 */
@Injectable()
export class ApplicationMessagesService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly messages: ApplicationMessagesRepository,
    private readonly access: ApplicationAccessPolicy,
    private readonly notifier: ApplicationNotifier,
    private readonly signals: RealtimeSignals,
  ) {}

  async list(caller: Principal, applicationId: string, query: ListApplicationMessagesQuery): Promise<ApplicationMessagePageDto> {
    await this.participant(caller, applicationId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filter = { applicationId, afterSequence: query.afterSequence };
    const [rows, total] = await Promise.all([this.messages.list(filter, decodeCursor(query.cursor), limit + 1), this.messages.count(filter)]);
    return { ...toKeysetPage(rows, limit, toMessageDto), total };
  }

  /** The other side is notified, and their open apps get the message live once it is committed. */
  async send(tx: TransactionContext, caller: Principal, applicationId: string, body: SendMessageRequestDto): Promise<ApplicationMessageDto> {
    const { application, access } = await this.participant(caller, applicationId, tx);
    const id = newId();
    const message = await this.messages.insert(tx, {
      id,
      applicationId,
      senderId: caller.userId,
      senderSide: access.applicant ? 'applicant' : 'owner',
      body: body.body,
    });
    await this.notifier.messageReceived(tx, notifiedApplication(application), {
      id,
      senderId: caller.userId,
      fromApplicant: access.applicant,
      body: body.body,
    });
    const dto = toMessageDto(message);
    const recipientIds = await this.access.threadReaders(application, tx);
    tx.afterCommit(() => this.signals.publish({ kind: 'application-message', recipientIds, applicationId, message: dto }));
    return dto;
  }

  private async participant(
    caller: Principal,
    applicationId: string,
    tx?: TransactionContext,
  ): Promise<{ application: ApplicationEntity; access: ApplicationAccess }> {
    const application = await this.applications.findById(applicationId, tx);
    const access = application && (await this.access.accessTo(application, caller, tx));
    if (!application || !access || !(access.applicant || access.owner)) throw applicationNotFound(applicationId);
    return { application, access };
  }
}

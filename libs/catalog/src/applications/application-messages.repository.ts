import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { TransactionContext } from '@app/database';
import type { DataSource } from 'typeorm';
import { ApplicationMessageEntity } from './application-message.entity';

export type NewMessage = Pick<ApplicationMessageEntity, 'id' | 'applicationId' | 'senderId' | 'senderSide' | 'body'>;

export interface MessageListFilter {
  applicationId: string;
  /** Only messages sent after this one of the thread (a client catching up). */
  afterSequence?: number;
}

/** The message threads of applications. */
export abstract class ApplicationMessagesRepository {
  /** Numbers the message next in its thread; concurrent sends to one thread take turns (the application's row lock). */
  abstract insert(tx: TransactionContext, message: NewMessage): Promise<ApplicationMessageEntity>;
  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract list(filter: MessageListFilter, after: KeysetPosition | null, limit: number): Promise<ApplicationMessageEntity[]>;
  abstract count(filter: MessageListFilter): Promise<number>;
}

@Injectable()
export class TypeOrmApplicationMessagesRepository extends ApplicationMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async insert(tx: TransactionContext, message: NewMessage): Promise<ApplicationMessageEntity> {
    await tx.manager.query('SELECT id FROM applications WHERE id = ? FOR UPDATE', [message.applicationId]);
    // A locking read: it sees the latest committed message, not this transaction's snapshot.
    const [{ last }]: Array<{ last: number | null }> = await tx.manager.query(
      'SELECT MAX(sequence) AS last FROM application_messages WHERE application_id = ? FOR UPDATE',
      [message.applicationId],
    );
    const repository = tx.manager.getRepository(ApplicationMessageEntity);
    await repository.insert({ ...message, sequence: Number(last ?? 0) + 1 });
    return repository.findOneByOrFail({ id: message.id });
  }

  list(filter: MessageListFilter, after: KeysetPosition | null, limit: number): Promise<ApplicationMessageEntity[]> {
    const query = this.filtered(filter);
    if (after) query.andWhere('(m.created_at < :afterAt OR (m.created_at = :afterAt AND m.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    return query.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(limit).getMany();
  }

  count(filter: MessageListFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter: MessageListFilter) {
    const query = this.dataSource
      .getRepository(ApplicationMessageEntity)
      .createQueryBuilder('m')
      .where('m.application_id = :applicationId', { applicationId: filter.applicationId });
    if (filter.afterSequence !== undefined) query.andWhere('m.sequence > :afterSequence', { afterSequence: filter.afterSequence });
    return query;
  }
}

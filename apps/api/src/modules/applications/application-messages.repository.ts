import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KeysetPosition } from '@app/common/pagination/keyset-cursor';
import type { TransactionContext } from '@app/database';
import type { DataSource } from 'typeorm';
import { ApplicationMessageEntity } from './application-message.entity';

export type NewMessage = Pick<ApplicationMessageEntity, 'id' | 'applicationId' | 'senderId' | 'senderSide' | 'body'>;

/** The message threads of applications. */
export abstract class ApplicationMessagesRepository {
  abstract insert(tx: TransactionContext, message: NewMessage): Promise<ApplicationMessageEntity>;
  /** Newest first (createdAt, then id, descending), strictly after `after`. */
  abstract list(applicationId: string, after: KeysetPosition | null, limit: number): Promise<ApplicationMessageEntity[]>;
  abstract count(applicationId: string): Promise<number>;
}

@Injectable()
export class TypeOrmApplicationMessagesRepository extends ApplicationMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async insert(tx: TransactionContext, message: NewMessage): Promise<ApplicationMessageEntity> {
    const repository = tx.manager.getRepository(ApplicationMessageEntity);
    await repository.insert(message);
    return repository.findOneByOrFail({ id: message.id });
  }

  list(applicationId: string, after: KeysetPosition | null, limit: number): Promise<ApplicationMessageEntity[]> {
    const query = this.dataSource.getRepository(ApplicationMessageEntity).createQueryBuilder('m').where('m.application_id = :applicationId', { applicationId });
    if (after) query.andWhere('(m.created_at < :afterAt OR (m.created_at = :afterAt AND m.id < :afterId))', { afterAt: after.createdAt, afterId: after.id });
    return query.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(limit).getMany();
  }

  count(applicationId: string): Promise<number> {
    return this.dataSource.getRepository(ApplicationMessageEntity).countBy({ applicationId });
  }
}

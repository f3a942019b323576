import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobEntity } from '@app/jobs';
import type { DataSource } from 'typeorm';

export abstract class JobStatusRepository {
  abstract findById(id: string): Promise<JobEntity | null>;
}

@Injectable()
export class TypeOrmJobStatusRepository extends JobStatusRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  findById(id: string): Promise<JobEntity | null> {
    return this.dataSource.getRepository(JobEntity).findOneBy({ id });
  }
}

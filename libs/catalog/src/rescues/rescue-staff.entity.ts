import type { StaffRole } from '@app/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { UserEntity } from '@app/identity';
import { RescueEntity } from './rescue.entity';

/** One user's membership of one rescue, with their role in it. */
@Entity({ name: 'rescue_staff' })
@Index('idx_rescue_staff_user', ['userId'])
export class RescueStaffEntity {
  @PrimaryColumn(ID_COLUMN)
  rescueId!: string;

  @PrimaryColumn(ID_COLUMN)
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: StaffRole;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  joinedAt!: Date;

  @ManyToOne(() => RescueEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'rescue_id', foreignKeyConstraintName: 'fk_rescue_staff_rescue' })
  rescue?: RescueEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_rescue_staff_user' })
  user?: UserEntity;
}

import type { PetHistoryKind } from '@app/contracts';
import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PetEntity } from './pet.entity';

/** Append-only: one row per listing or availability change of a pet, written in the change's transaction. */
@Entity({ name: 'pet_status_history' })
@Index('idx_pet_history_pet', ['petId', 'createdAt'])
export class PetStatusHistoryEntity {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column(ID_COLUMN)
  petId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: PetHistoryKind;

  /** null for the state a pet was created in. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: string;

  /** No foreign key: the history outlives the account of whoever made the change. */
  @Column({ ...ID_COLUMN, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason!: string | null;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => PetEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'pet_id', foreignKeyConstraintName: 'fk_pet_history_pet' })
  pet?: PetEntity;
}

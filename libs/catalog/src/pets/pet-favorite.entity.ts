import { ID_COLUMN, TIMESTAMP_COLUMN } from '@app/database';
import { UserEntity } from '@app/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PetEntity } from './pet.entity';

/** A user's favourite pet; `createdAt` is when it was first favourited (repeating the favourite keeps it). */
@Entity({ name: 'pet_favorites' })
@Index('idx_pet_favorites_pet', ['petId'])
@Index('idx_pet_favorites_user_created', ['userId', 'createdAt'])
export class PetFavoriteEntity {
  @PrimaryColumn(ID_COLUMN)
  userId!: string;

  @PrimaryColumn(ID_COLUMN)
  petId!: string;

  @Column({ ...TIMESTAMP_COLUMN, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_pet_favorites_user' })
  user?: UserEntity;

  @ManyToOne(() => PetEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'pet_id', foreignKeyConstraintName: 'fk_pet_favorites_pet' })
  pet?: PetEntity;
}

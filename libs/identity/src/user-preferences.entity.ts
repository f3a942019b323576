import type { NotificationPreferencesDto, QuietHoursDto } from '@app/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { ID_COLUMN, VersionedRecord } from '@app/database';

@Entity({ name: 'user_preferences' })
export class UserPreferencesEntity extends VersionedRecord {
  @PrimaryColumn(ID_COLUMN)
  userId!: string;

  @Column({ type: 'json' })
  notifications!: NotificationPreferencesDto;

  @Column({ type: 'json' })
  quietHours!: QuietHoursDto;

  @Column({ type: 'varchar', length: 10, default: 'en' })
  locale!: string;

  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_preferences_user' })
  user?: UserEntity;
}

/** What a user who never saved preferences gets. */
export const DEFAULT_PREFERENCES: Pick<UserPreferencesEntity, 'notifications' | 'quietHours' | 'locale' | 'timezone'> = {
  notifications: {
    applicationUpdates: { email: true, inApp: true },
    messages: { email: true, inApp: true },
    petUpdates: { email: false, inApp: true },
    newsletter: { email: false, inApp: false },
  },
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  locale: 'en',
  timezone: 'UTC',
};

// Factories for the notifications tests: events as the owning services notify them, and rows written directly
// (as the Notifier would, without enqueueing an e-mail), so a test can decide what the worker finds.
import { newId } from '@app/common';
import { inTransaction } from '@app/database';
import { NotificationEntity, Notifier, type NotificationEvent } from '@app/notifications';
import type { DataSource } from 'typeorm';
import type { TestApi } from './api';
import { dataSourceOf } from './pets';

/** An application_status_changed event for `user`, with a fresh event key. */
export const notificationEvent = (user: { id: string }, overrides: Partial<NotificationEvent> = {}): NotificationEvent => ({
  userId: user.id,
  type: 'application_status_changed',
  title: 'Your application was approved',
  body: 'The rescue approved your application to adopt Biscuit.',
  resourceType: 'application',
  resourceId: newId(),
  eventKey: `test:${newId()}`,
  ...overrides,
});

/** Notifies the events in a transaction of `api`'s own, as a service of that app would. */
export const notifyVia = (api: TestApi, events: NotificationEvent[]) => inTransaction(dataSourceOf(api), (tx) => api.app.get(Notifier).notify(tx, events));

/** Inserts a message_received notification of `userId` (in-app, e-mail skipped unless overridden); returns its id. */
export async function insertNotification(db: DataSource, userId: string, overrides: Partial<NotificationEntity> = {}): Promise<string> {
  const id = newId();
  await db.getRepository(NotificationEntity).insert({
    id,
    userId,
    type: 'message_received',
    title: 'New message',
    body: 'Ada sent you a message.',
    resourceType: 'application',
    resourceId: newId(),
    eventKey: `test:${id}`,
    inApp: true,
    emailStatus: 'skipped',
    ...overrides,
  });
  return id;
}

import { Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  DeleteNotificationParams,
  GetNotificationParams,
  ListNotificationsQuery,
  MarkNotificationReadParams,
  operations,
  type NotificationDto,
  type NotificationPageDto,
  type NotificationsMarkedReadDto,
  type UnreadNotificationCountDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/authorization';
import { NotificationsService } from './notifications.service';

@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ContractRoute(operations.listNotifications)
  listNotifications(@CurrentPrincipal() caller: Principal, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(caller, query);
  }

  @ContractRoute(operations.countUnreadNotifications)
  countUnreadNotifications(@CurrentPrincipal() caller: Principal): Promise<UnreadNotificationCountDto> {
    return this.notifications.unreadCount(caller);
  }

  @ContractRoute(operations.getNotification)
  getNotification(@CurrentPrincipal() caller: Principal, @Param() params: GetNotificationParams): Promise<NotificationDto> {
    return this.notifications.get(caller, params.notificationId);
  }

  @ContractRoute(operations.markNotificationRead)
  markNotificationRead(@CurrentPrincipal() caller: Principal, @Param() params: MarkNotificationReadParams): Promise<NotificationDto> {
    return this.notifications.markRead(caller, params.notificationId);
  }

  @ContractRoute(operations.markAllNotificationsRead)
  markAllNotificationsRead(@CurrentPrincipal() caller: Principal): Promise<NotificationsMarkedReadDto> {
    return this.notifications.markAllRead(caller);
  }

  @ContractRoute(operations.deleteNotification)
  deleteNotification(@CurrentPrincipal() caller: Principal, @Param() params: DeleteNotificationParams): Promise<void> {
    return this.notifications.remove(caller, params.notificationId);
  }
}

import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  ActivateUserParams,
  CancelUserDeletionParams,
  ChangeRoleRequestDto,
  ChangeUserRoleParams,
  DeactivateUserParams,
  GetUserDataExportParams,
  GetUserParams,
  GetUserPreferencesParams,
  ListUsersQuery,
  operations,
  ReplaceUserParams,
  ReplaceUserRequestDto,
  RequestUserDataExportParams,
  RequestUserDeletionParams,
  UpdatePreferencesRequestDto,
  UpdateUserParams,
  UpdateUserPreferencesParams,
  UpdateUserRequestDto,
  type JobAcceptedDto,
  type UserDataExportDto,
  type UserDto,
  type UserPageDto,
  type UserPreferencesDto,
} from '@app/contracts';
import { PERMISSIONS, type Principal } from '@app/identity';
import { CurrentPrincipal, RequirePermission } from '../auth/authorization';
import { AccountDeletionService } from './account-deletion.service';
import { DataExportService } from './data-export.service';
import { PreferencesService } from './preferences.service';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly deletion: AccountDeletionService,
    private readonly preferences: PreferencesService,
    private readonly exports: DataExportService,
  ) {}

  @ContractRoute(operations.listUsers)
  @RequirePermission(PERMISSIONS.usersList)
  listUsers(@Query() query: ListUsersQuery): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @ContractRoute(operations.getUser)
  getUser(@CurrentPrincipal() caller: Principal, @Param() params: GetUserParams): Promise<UserDto> {
    return this.users.get(caller, params.userId);
  }

  @ContractRoute(operations.updateUser)
  updateUser(@CurrentPrincipal() caller: Principal, @Param() params: UpdateUserParams, @Body() body: UpdateUserRequestDto): Promise<UserDto> {
    return this.users.update(caller, params.userId, body);
  }

  @ContractRoute(operations.replaceUser)
  replaceUser(@CurrentPrincipal() caller: Principal, @Param() params: ReplaceUserParams, @Body() body: ReplaceUserRequestDto): Promise<UserDto> {
    return this.users.replace(caller, params.userId, body);
  }

  @ContractRoute(operations.requestUserDeletion)
  requestUserDeletion(@CurrentPrincipal() caller: Principal, @Param() params: RequestUserDeletionParams): Promise<JobAcceptedDto> {
    return this.deletion.requestDeletion(caller, params.userId);
  }

  @ContractRoute(operations.cancelUserDeletion)
  cancelUserDeletion(@CurrentPrincipal() caller: Principal, @Param() params: CancelUserDeletionParams): Promise<UserDto> {
    return this.deletion.cancelDeletion(caller, params.userId);
  }

  @ContractRoute(operations.getUserPreferences)
  getUserPreferences(@CurrentPrincipal() caller: Principal, @Param() params: GetUserPreferencesParams): Promise<UserPreferencesDto> {
    return this.preferences.get(caller, params.userId);
  }

  @ContractRoute(operations.updateUserPreferences)
  updateUserPreferences(
    @CurrentPrincipal() caller: Principal,
    @Param() params: UpdateUserPreferencesParams,
    @Body() body: UpdatePreferencesRequestDto,
  ): Promise<UserPreferencesDto> {
    return this.preferences.replace(caller, params.userId, body);
  }

  @ContractRoute(operations.activateUser)
  @RequirePermission(PERMISSIONS.usersManage)
  activateUser(@CurrentPrincipal() caller: Principal, @Param() params: ActivateUserParams): Promise<UserDto> {
    return this.users.activate(caller, params.userId);
  }

  @ContractRoute(operations.deactivateUser)
  @RequirePermission(PERMISSIONS.usersManage)
  deactivateUser(@CurrentPrincipal() caller: Principal, @Param() params: DeactivateUserParams): Promise<UserDto> {
    return this.users.deactivate(caller, params.userId);
  }

  @ContractRoute(operations.changeUserRole)
  @RequirePermission(PERMISSIONS.usersManage)
  changeUserRole(@CurrentPrincipal() caller: Principal, @Param() params: ChangeUserRoleParams, @Body() body: ChangeRoleRequestDto): Promise<UserDto> {
    return this.users.changeRole(caller, params.userId, body);
  }

  @ContractRoute(operations.requestUserDataExport)
  requestUserDataExport(@CurrentPrincipal() caller: Principal, @Param() params: RequestUserDataExportParams): Promise<JobAcceptedDto> {
    return this.exports.requestExport(caller, params.userId);
  }

  @ContractRoute(operations.getUserDataExport)
  getUserDataExport(@CurrentPrincipal() caller: Principal, @Param() params: GetUserDataExportParams): Promise<UserDataExportDto> {
    return this.exports.download(caller, params.userId, params.jobId);
  }
}

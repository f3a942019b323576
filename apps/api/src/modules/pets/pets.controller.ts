import { Body, Controller, Param, Query } from '@nestjs/common';
import { ContractRoute } from '@app/common';
import {
  AddFavoritePetParams,
  AvailabilityChangeRequestDto,
  ChangePetAvailabilityParams,
  ChangePetListingParams,
  CreatePetRequestDto,
  DeletePetParams,
  GetPetHistoryParams,
  GetPetHistoryQuery,
  GetPetParams,
  ListingActionRequestDto,
  ListMyFavoritePetsQuery,
  ListRescuePetsParams,
  ListRescuePetsQuery,
  ListUserRehomesParams,
  ListUserRehomesQuery,
  operations,
  RemoveFavoritePetParams,
  ReplacePetParams,
  ReplacePetRequestDto,
  UpdatePetParams,
  UpdatePetRequestDto,
  type PetDto,
  type PetHistoryPageDto,
  type PetSummaryPageDto,
} from '@app/contracts';
import type { Principal } from '@app/identity';
import { CurrentPrincipal, OptionalPrincipal } from '../auth/authorization';
import { Idempotent, type UnitOfWork } from '../idempotency/idempotency.interceptor';
import { PetListsService } from './pet-lists.service';
import { PetsService } from './pets.service';

@Controller()
export class PetsController {
  constructor(
    private readonly pets: PetsService,
    private readonly lists: PetListsService,
  ) {}

  @ContractRoute(operations.createPet)
  @Idempotent()
  createPet(@CurrentPrincipal() caller: Principal, @Body() body: CreatePetRequestDto): UnitOfWork<PetDto> {
    return (tx) => this.pets.create(tx, caller, body);
  }

  @ContractRoute(operations.getPet)
  getPet(@OptionalPrincipal() caller: Principal | null, @Param() params: GetPetParams): Promise<PetDto> {
    return this.pets.get(caller, params.petId);
  }

  @ContractRoute(operations.replacePet)
  replacePet(@CurrentPrincipal() caller: Principal, @Param() params: ReplacePetParams, @Body() body: ReplacePetRequestDto): Promise<PetDto> {
    return this.pets.replace(caller, params.petId, body);
  }

  @ContractRoute(operations.updatePet)
  updatePet(@CurrentPrincipal() caller: Principal, @Param() params: UpdatePetParams, @Body() body: UpdatePetRequestDto): Promise<PetDto> {
    return this.pets.update(caller, params.petId, body);
  }

  @ContractRoute(operations.deletePet)
  deletePet(@CurrentPrincipal() caller: Principal, @Param() params: DeletePetParams): Promise<void> {
    return this.pets.remove(caller, params.petId);
  }

  @ContractRoute(operations.changePetListing)
  changePetListing(@CurrentPrincipal() caller: Principal, @Param() params: ChangePetListingParams, @Body() body: ListingActionRequestDto): Promise<PetDto> {
    return this.pets.changeListing(caller, params.petId, body);
  }

  @ContractRoute(operations.changePetAvailability)
  changePetAvailability(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ChangePetAvailabilityParams,
    @Body() body: AvailabilityChangeRequestDto,
  ): Promise<PetDto> {
    return this.pets.changeAvailability(caller, params.petId, body);
  }

  @ContractRoute(operations.getPetHistory)
  getPetHistory(
    @OptionalPrincipal() caller: Principal | null,
    @Param() params: GetPetHistoryParams,
    @Query() query: GetPetHistoryQuery,
  ): Promise<PetHistoryPageDto> {
    return this.pets.history(caller, params.petId, query);
  }

  @ContractRoute(operations.addFavoritePet)
  addFavoritePet(@CurrentPrincipal() caller: Principal, @Param() params: AddFavoritePetParams): Promise<void> {
    return this.lists.addFavorite(caller, params.petId);
  }

  @ContractRoute(operations.removeFavoritePet)
  removeFavoritePet(@CurrentPrincipal() caller: Principal, @Param() params: RemoveFavoritePetParams): Promise<void> {
    return this.lists.removeFavorite(caller, params.petId);
  }

  @ContractRoute(operations.listMyFavoritePets)
  listMyFavoritePets(@CurrentPrincipal() caller: Principal, @Query() query: ListMyFavoritePetsQuery): Promise<PetSummaryPageDto> {
    return this.lists.listFavorites(caller, query);
  }

  @ContractRoute(operations.listUserRehomes)
  listUserRehomes(
    @OptionalPrincipal() caller: Principal | null,
    @Param() params: ListUserRehomesParams,
    @Query() query: ListUserRehomesQuery,
  ): Promise<PetSummaryPageDto> {
    return this.lists.listRehomes(caller, params.userId, query);
  }

  @ContractRoute(operations.listRescuePets)
  listRescuePets(
    @OptionalPrincipal() caller: Principal | null,
    @Param() params: ListRescuePetsParams,
    @Query() query: ListRescuePetsQuery,
  ): Promise<PetSummaryPageDto> {
    return this.lists.listRescuePets(caller, params.rescueId, query);
  }
}

import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/common';
import { decodeCursor, DEFAULT_PAGE_SIZE, toKeysetPage } from '@app/common/pagination/keyset-cursor';
import type { ListingStatus, ListMyFavoritePetsQuery, ListRescuePetsQuery, ListUserRehomesQuery, PetSummaryPageDto } from '@app/contracts';
import { hasPermission, PERMISSIONS, type Principal } from '@app/identity';
import { PetAccessPolicy, petNotFound } from './pet-access';
import { toPetSummaryDto } from './pet.mapper';
import { PetsRepository, type PetListFilter } from '@app/catalog';
import { PetRescueAccess } from './rescue-access';

const isModerator = (caller: Principal | null) => caller !== null && hasPermission(caller.role, PERMISSIONS.listingsModerate);

/** Favourites, a rehomer's listings and a rescue's pets: lists of pet summaries, newest first, keyset pages. */
@Injectable()
export class PetListsService {
  constructor(
    private readonly pets: PetsRepository,
    private readonly access: PetAccessPolicy,
    private readonly rescues: PetRescueAccess,
  ) {}

  /** Idempotent; only a pet the caller may see can be favourited. */
  async addFavorite(caller: Principal, petId: string): Promise<void> {
    const pet = await this.pets.findById(petId);
    if (!pet) throw petNotFound(petId);
    await this.access.assertVisible(pet, caller);
    await this.pets.addFavorite(caller.userId, petId);
  }

  /**
   * Idempotent. A favourite of a pet the caller can no longer see (e.g. retired since) can still be removed:
   * it is the caller's own data and says nothing they do not know.
   */
  async removeFavorite(caller: Principal, petId: string): Promise<void> {
    const pet = await this.pets.findById(petId);
    if (!pet) throw petNotFound(petId);
    const access = await this.access.accessTo(pet, caller);
    if (!access.visible && !(await this.pets.hasFavorite(caller.userId, petId))) throw petNotFound(petId);
    await this.pets.removeFavorite(caller.userId, petId);
  }

  /** The caller's favourites that they may still see, most recently favourited first. */
  async listFavorites(caller: Principal, query: ListMyFavoritePetsQuery): Promise<PetSummaryPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const moderator = isModerator(caller);
    const scope = { userId: caller.userId, moderator, memberRescueIds: moderator ? [] : await this.rescues.memberRescueIds(caller.userId) };
    const [rows, total] = await Promise.all([this.pets.listFavorites(scope, after, limit + 1), this.pets.countFavorites(scope)]);
    return { ...toKeysetPage(rows, limit, (row) => toPetSummaryDto(row.pet)), total };
  }

  /**
   * A user's individual listings: published ones for everyone, every state for the user and moderators. An
   * unknown user has no listings (an empty page, not 404: this public list must not tell which accounts exist).
   */
  listRehomes(caller: Principal | null, userId: string, query: ListUserRehomesQuery): Promise<PetSummaryPageDto> {
    const everyState = caller !== null && (caller.userId === userId || isModerator(caller));
    return this.page({ ownerType: 'individual', ownerUserId: userId, listingStatuses: everyState ? undefined : ['published'] }, query);
  }

  /** A rescue's pets: published ones for everyone, every state (filtered by `listingStatus`) for its members and moderators. */
  async listRescuePets(caller: Principal | null, rescueId: string, query: ListRescuePetsQuery): Promise<PetSummaryPageDto> {
    const standing = await this.rescues.standingOf(rescueId, caller?.userId ?? null);
    if (!standing) throw new NotFoundError('Rescue', rescueId);
    const everyState = standing.staffRole !== null || isModerator(caller);
    const asked = query.listingStatus;
    const listingStatuses: ListingStatus[] | undefined = everyState ? asked : (asked ?? ['published']).filter((status) => status === 'published');
    return this.page({ ownerType: 'rescue', rescueId, listingStatuses }, query);
  }

  private async page(filter: PetListFilter, query: { cursor?: string; limit?: number }): Promise<PetSummaryPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const [rows, total] = await Promise.all([this.pets.listPets(filter, after, limit + 1), this.pets.countPets(filter)]);
    return { ...toKeysetPage(rows, limit, (pet) => toPetSummaryDto(pet)), total };
  }
}

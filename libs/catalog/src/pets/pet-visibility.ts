// The one definition of a publicly visible pet, in the two forms the code needs: a predicate on a loaded pet and the
// same rule as SQL. Pet access, search, favourites and the fans' notifications all use it, so they cannot disagree.
import type { ListingStatus } from '@app/contracts';

/** Anyone may see the pet: published and not deleted. Its owner side and moderators see more (petAccessOf). */
export function isPubliclyVisible(pet: { listingStatus: ListingStatus; deletedAt: Date | null }): boolean {
  return pet.listingStatus === 'published' && pet.deletedAt === null;
}

/** isPubliclyVisible over the pets table aliased `alias`; the columns stay bare so the search indexes apply. */
export const publiclyVisiblePetSql = (alias: string): string => `${alias}.listing_status = 'published' AND ${alias}.deleted_at IS NULL`;

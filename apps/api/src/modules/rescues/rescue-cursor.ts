// The rescue directory is ordered by (name, id), not by creation time, so it has its own cursor codec.
import type { NamePosition } from '@app/catalog';
import { isId, keysetCursor } from '@app/common/pagination/keyset-cursor';

const MAX_NAME_LENGTH = 150;

export const nameCursor = keysetCursor<NamePosition>({
  toParts: (position) => [position.name, position.id],
  fromParts: ([name, id, ...rest]) => (typeof name === 'string' && name.length <= MAX_NAME_LENGTH && isId(id) && rest.length === 0 ? { name, id } : null),
});

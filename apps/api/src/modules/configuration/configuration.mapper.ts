import type { PublicConfigDto } from '@app/contracts';
import type { ConfigEntryEntity } from './config-entry.entity';

export function toPublicConfigDto(entries: ConfigEntryEntity[], productName: string): PublicConfigDto {
  const latest = entries.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), new Date(0));
  return {
    values: { productName, ...Object.fromEntries(entries.map((e) => [e.key, e.value])) },
    updatedAt: latest.toISOString(),
  };
}

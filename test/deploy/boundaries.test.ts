// The catalog's tables are reached through libs/catalog only (docs/architecture.md, Module boundaries).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CATALOG_SQL = '(FROM|JOIN|INTO|UPDATE|DELETE FROM) `?(pets|pet_favorites|applications|rescue_staff|pet_status_history|rescues)\\b';

describe('module boundaries', () => {
  it('leaves SQL on the catalog tables to libs/catalog: the worker and libs/notifications write none', () => {
    const grep = spawnSync('git', ['grep', '-nE', CATALOG_SQL, '--', 'apps/worker', 'libs/notifications'], { encoding: 'utf8' });
    expect(grep.status, grep.stderr).toBe(1); // git grep: 1 = no match, 0 = matches, more = an error
    expect(grep.stdout).toBe('');
  });

  it('finds such SQL where it is allowed (the pattern still matches something)', () => {
    const grep = spawnSync('git', ['grep', '-lE', CATALOG_SQL, '--', 'libs/catalog'], { encoding: 'utf8' });
    expect(grep.stdout).toContain('libs/catalog/src/');
  });
});

// dist/ as the images hold it (docker/*.Dockerfile): compiled from apps/ and libs/ only (the ignore files keep
// test/ and tools/ out of the build context) and run with `npm ci --omit=dev` node_modules. The journeys run with
// every dependency installed, so what the images lack is checked here, including modules only loaded when a
// setting asks for them (OpenTelemetry, Sentry).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
const jsFiles = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));

/** Package names of every bare `require(...)` in dist/ (tsc-alias has made the @app/* imports relative). */
function requiredPackages(): Set<string> {
  const packages = new Set<string>();
  for (const file of jsFiles) {
    for (const [, specifier] of readFileSync(join('dist', file), 'utf8').matchAll(/require\(["']([^"'./][^"']*)["']\)/g)) {
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      if (!builtinModules.includes(name.replace(/^node:/, ''))) packages.add(name);
    }
  }
  return packages;
}

describe('dist/', () => {
  it('holds only what apps/ and libs/ compile to', () => {
    expect(readdirSync('dist').sort()).toEqual(['apps', 'libs']);
  });

  it('requires only production dependencies, all the images install', () => {
    const packages = [...requiredPackages()];
    expect(packages.length).toBeGreaterThan(10);
    expect(packages.filter((name) => !(name in dependencies))).toEqual([]);
  });
});

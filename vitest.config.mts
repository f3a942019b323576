import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [
    // Decorator metadata (design:type) is what Nest DI and class-validator read; esbuild does not emit it.
    swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } }),
  ],
  resolve: {
    alias: [
      { find: /^@app\/common\/(.*)$/, replacement: here('./libs/common/src/$1') },
      { find: '@app/common', replacement: here('./libs/common/src/index.ts') },
      { find: '@app/database', replacement: here('./libs/database/src/index.ts') },
      { find: '@app/jobs', replacement: here('./libs/jobs/src/index.ts') },
      { find: '@app/audit', replacement: here('./libs/audit/src/index.ts') },
      { find: '@app/identity', replacement: here('./libs/identity/src/index.ts') },
      { find: '@app/notifications', replacement: here('./libs/notifications/src/index.ts') },
      { find: '@app/catalog', replacement: here('./libs/catalog/src/index.ts') },
      { find: '@app/contracts', replacement: here('./libs/contracts/src/index.ts') },
      { find: '@pet-adoption/sdk', replacement: here('./libs/sdk/src/index.ts') },
    ],
  },
  test: {
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'tools/**/*.spec.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

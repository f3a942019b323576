// `npm run test:smoke`: the built app (dist/) as the images run it, api and worker as child processes, driven over
// HTTP. Its files end in .smoke.ts, so `npm test` (vitest.config.mts) never picks them up.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/smoke/**/*.smoke.ts'],
    globalSetup: ['test/smoke/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

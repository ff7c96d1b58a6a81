import { defineConfig } from 'vitest/config';

// End-to-end tests: the real silo (built and started by the test) and Debian's Chromium through playwright-core.
// Kept apart from the unit tests (vite.config.ts) so those stay fast; `npm test` runs both.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // Building the front end and publishing the silo happen in beforeAll: minutes on a busy 2-core machine.
    hookTimeout: 900_000,
    testTimeout: 240_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

/**
 * The browser tests (e2e/): the built system (`dist/`, as `npm ci` leaves it) driven through
 * Debian's Chromium. One file at a time: each starts its own server on a fresh data directory.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});

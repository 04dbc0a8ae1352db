import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure rules and anything without a store), `db` (`*.db.test.ts`: one test
 * body run on every dialect in TEST_DIALECTS — sqlite by default, postgres in CI) and `web` (the
 * console's components in jsdom, with fetch stubbed).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/test/setup.ts'],
          // Ant Design in jsdom is slow to render; a loaded CI machine should not fail on time.
          testTimeout: 60_000,
        },
      },
    ],
  },
});

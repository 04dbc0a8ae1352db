import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure rules and anything without a store) and `db` (`*.db.test.ts`: one test
 * body run on every dialect in TEST_DIALECTS — sqlite by default, postgres in CI).
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
    ],
  },
});

import { Command } from 'commander';

/**
 * The `veracity` command. Each sub-command lives in `commands/<name>.ts` and is thin: it parses
 * options, calls a service, prints. Shared options: `--data-dir DIR` (or VERACITY_DATA_DIR,
 * default ./data) and DATABASE_URL for PostgreSQL.
 */
export function buildProgram(): Command {
  const program = new Command('veracity')
    .description('Veracity (真信) — customer-information integrity / 客户信息真实性管理')
    .option('--data-dir <dir>', 'data directory (env VERACITY_DATA_DIR, default ./data)')
    .showHelpAfterError()
    // Usage errors come back to main.ts, which exits 2 like every other refusal.
    .exitOverride();
  return program;
}

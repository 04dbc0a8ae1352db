import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The CLI's source entry point, run through tsx: the tests need no build. */
export const CLI_MAIN = path.resolve(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real `veracity` command on one data directory, logs silenced; `input` goes to its stdin. */
export function cliOn(dataDir: string): (args: string[], input?: string) => CliResult {
  return (args, input) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI_MAIN, ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, VERACITY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

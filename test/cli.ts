import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { writeJsonl } from './harness.js';
import { agent, application, residentId } from './records.js';

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

/**
 * Through the command: the seller, two policies whose applicants share a phone (one a re-used
 * applicant with his own ID), and the scan of 2026-11-30 — one link, two problem items.
 */
export function scanTwoSharingPolicies(veracity: ReturnType<typeof cliOn>, dataDir: string): CliResult[] {
  const wang = {
    ...(application().applicant as object),
    name: '王磊',
    birthDate: '1975-03-03',
    idNo: residentId('110101', '1975-03-03', '031'),
  };
  const book = [application(), application({ policyNo: 'P2', applicant: wang, payerAccount: null, beneficiaries: [] })];
  return [
    veracity(['agents', 'import', writeJsonl(dataDir, 'agents.jsonl', [agent()])]),
    veracity(['import', writeJsonl(dataDir, 'book.jsonl', book)]),
    veracity(['scan', '--as-of', '2026-11-30']),
  ];
}

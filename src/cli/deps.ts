import type { Command } from 'commander';
import { bootstrap } from '../platform/bootstrap.js';
import type { Deps } from '../platform/context.js';

/** Opens the store for a command (`--data-dir` from the root program) and closes it afterwards. */
export async function withDeps<T>(command: Command, run: (deps: Deps) => Promise<T>): Promise<T> {
  const dataDir = command.optsWithGlobals<{ dataDir?: string }>().dataDir;
  const deps = await bootstrap({ dataDir });
  try {
    return await run(deps);
  } finally {
    await deps.db.close();
  }
}

export function writeLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function writeJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

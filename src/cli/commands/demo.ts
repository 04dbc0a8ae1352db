import type { Command } from 'commander';
import { loadDemoBook, writeDemoBook } from '../../modules/demo/demo.service.js';
import { withDeps, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { describeSummary } from './import.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('生成合成演示数据并载入 (generate a realistic synthetic book and load it)')
    .option('--applications <n>', 'number of applications', wholeNumber(1), 5000)
    .option('--seed <n>', 'random seed (same seed, same book)', wholeNumber(0), 20261203)
    .option('--out <dir>', 'only write the files (agents.jsonl, applications.jsonl, complaints.jsonl) to DIR')
    .action(async (options: { applications: number; seed: number; out?: string }, command: Command) => {
      if (options.out) {
        const book = await writeDemoBook(options.out, { applications: options.applications, seed: options.seed });
        writeLine(`已写入 (written): ${book.agentsFile}, ${book.applicationsFile}, ${book.complaintsFile}`);
        return;
      }
      await withDeps(command, async (deps) => {
        const loaded = await loadDemoBook(deps, { applications: options.applications, seed: options.seed });
        writeLine(`演示数据位于 (demo files in): ${loaded.dir}`);
        for (const line of describeSummary(loaded.summary)) writeLine(line);
      });
    });
}

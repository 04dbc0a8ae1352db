import type { Command } from 'commander';
import { loadDemoBook } from '../../modules/demo/demo.service.js';
import { summarizeBook } from '../../modules/intake/book-summary.js';
import { scanBook } from '../../modules/linkage/scan.service.js';
import { chinaToday } from '../../platform/clock.js';
import { withDeps, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { describeBook } from './status.js';

/**
 * `npm start`: prepares the store (keys, migrations), loads the demo book and runs today's scan on
 * first run, and shows what the store holds. The server (`veracity serve`) takes this over in a
 * later release.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('初始化并载入演示数据 (initialise the store and load the demo book on first run)')
    .option('--applications <n>', 'demo book size on first run', wholeNumber(1), 5000)
    .action(async (options: { applications: number }, command: Command) => {
      await withDeps(command, async (deps) => {
        const before = await summarizeBook(deps);
        if (before.applications.accepted + before.applications.rejected === 0) {
          writeLine(`首次启动：生成并载入演示数据 (first run: generating and loading the demo book) …`);
          const loaded = await loadDemoBook(deps, { applications: options.applications });
          writeLine(`演示数据位于 (demo files in): ${loaded.dir}`);
          // Today's scan, as the server will run it each working day (P5.7): the demo opens with items.
          const scan = await scanBook(deps, { asOf: chinaToday(deps.clock) });
          const byRule = Object.entries(scan.summary.byRule)
            .map(([rule, n]) => `${rule} ${n}`)
            .join(', ');
          writeLine(
            `今日扫描 (today's scan): 问题件 (problem items) ${scan.items.length}${byRule ? ` — ${byRule}` : ''}`,
          );
        }
        writeLine(`数据目录 (data directory): ${deps.config.dataDir}`);
        for (const line of describeBook(await summarizeBook(deps))) writeLine(line);
      });
    });
}

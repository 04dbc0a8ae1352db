import type { Command } from 'commander';
import { loadDemoBook } from '../../modules/demo/demo.service.js';
import { addDemoUsers, DEMO_PASSWORD, DEMO_USERS } from '../../modules/demo/demo-users.js';
import { replayDemoWork } from '../../modules/demo/demo-workflow.js';
import { summarizeBook } from '../../modules/intake/book-summary.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { withDeps, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { describeBook } from './status.js';
import { cliContext } from './users.js';

/**
 * On an empty store, loads the demo book, adds the demo staff, and replays the book's working days
 * (each day's scan, P5.7, and the work on its items, P5.13) so the demo opens on a book in service.
 */
export async function prepareDemo(deps: Deps, options: { applications: number }): Promise<void> {
  const before = await summarizeBook(deps);
  if (before.applications.accepted + before.applications.rejected > 0) return;
  writeLine(`首次启动：生成并载入演示数据 (first run: generating and loading the demo book) …`);
  const loaded = await loadDemoBook(deps, { applications: options.applications });
  writeLine(`演示数据位于 (demo files in): ${loaded.dir}`);
  const added = await addDemoUsers(deps, cliContext());
  const replay = await replayDemoWork(deps, { from: loaded.from, to: chinaToday(deps.clock) });
  writeLine(
    `逐日扫描与处理 (each working day scanned and worked): ${replay.days} 天 (days), 问题件 (items) ${replay.scanned}, ` +
      `已分发 (distributed) ${replay.distributed}, 已提交 (submitted) ${replay.submitted}, 已结案 (closed) ${replay.closed}`,
  );
  if (added > 0) {
    writeLine(`演示账号 (demo users), 密码 (password) ${DEMO_PASSWORD}:`);
    for (const u of DEMO_USERS) writeLine(`  ${u.username.padEnd(8)} ${u.displayName} (${u.role})`);
  }
}

/** `veracity init`: prepares the store (keys, migrations) and, with --demo, the demo on first run. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('初始化数据目录；--demo 首次载入演示数据 (prepare the store; --demo loads the demo book on first run)')
    .option('--demo', '首次运行时载入演示数据和演示账号 (load the demo book and demo users on first run)', false)
    .option('--applications <n>', 'demo book size on first run', wholeNumber(1), 5000)
    .action(async (options: { demo: boolean; applications: number }, command: Command) => {
      await withDeps(command, async (deps) => {
        if (options.demo) await prepareDemo(deps, options);
        writeLine(`数据目录 (data directory): ${deps.config.dataDir}`);
        for (const line of describeBook(await summarizeBook(deps))) writeLine(line);
      });
    });
}

import type { Command } from 'commander';
import { verifyChain } from '../../modules/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { withDeps, writeLine } from '../deps.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志 (audit trail)');
  audit
    .command('verify')
    .description('重新计算哈希链，指出第一个断点 (recompute the hash chain; name the first broken link)')
    .action(async (_options: unknown, command: Command) => {
      await withDeps(command, async (deps) => {
        const report = await verifyChain(deps);
        if (!report.ok && report.brokenAt) {
          const why = report.brokenAt.reason === 'missing' ? '缺失 (missing: deleted)' : '被改动 (edited)';
          throw new AppError('CONFLICT', {
            zh: `审计链在第 ${report.brokenAt.seq} 条断开：${why}；此前 ${report.events} 条完好`,
            en: `the audit chain breaks at event ${report.brokenAt.seq} (${report.brokenAt.reason}); the ${report.events} events before it hold`,
          });
        }
        writeLine(`审计链完好 (audit chain intact): ${report.events} 条事件 (events)`);
        writeLine(`链头 (head hash): ${report.headHash}`);
      });
    });
}

import type { Command } from 'commander';
import { scanBook } from '../../modules/linkage/scan.service.js';
import { chinaToday } from '../../platform/clock.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';

const RULES: Record<string, string> = {
  SHARED_PHONE: '同一手机号/电话 (shared phone)',
  SHARED_ACCOUNT: '同一银行账户 (shared account)',
  AGENT_CONTACT: '使用销售人员或其亲属的联系方式 (seller contact)',
  COMPLAINT_RECHECK: '销售误导投诉复查 (complaint re-check)',
};

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('可疑客户信息扫描，生成问题件 (the T+1 suspicious-clue scan: problem items, P5.7)')
    .option(
      '--as-of <date>',
      'the scan day YYYY-MM-DD: takes applications entered before it (default: today, China time)',
    )
    .option('--full', 'a full re-scan of the book (after a rule change), not only what is new')
    .option('--json', 'one problem item per line (INTERCHANGE §5)')
    .action(async (options: { asOf?: string; full?: boolean; json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const asOf = options.asOf ?? chinaToday(deps.clock);
        const result = await scanBook(deps, { asOf, mode: options.full ? 'full' : 'daily' });
        const out = options.json ? (t: string) => process.stderr.write(`${t}\n`) : writeLine;
        if (options.json) for (const item of result.items) writeJsonLine(item);
        out(
          `扫描日 (scan day): ${result.asOf}  方式 (mode): ${result.mode === 'full' ? '全量 full' : '增量 daily'}  纳入投保单 (applications): ${result.applications}  新问题件 (new items): ${result.items.length}`,
        );
        const section = (title: string, counts: Record<string, number>, label?: Record<string, string>) => {
          const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
          if (entries.length === 0) return;
          out(title);
          for (const [key, n] of entries) out(`  ${(label?.[key] ?? key).padEnd(40)} ${String(n).padStart(7)}`);
        };
        section('按规则 (by rule):', result.summary.byRule, RULES);
        section('按渠道 (by channel):', result.summary.byChannel);
        section('按机构 (by branch):', result.summary.byBranch);
        for (const warning of result.deadlineWarnings) out(`⚠ ${warning}`);
      });
    });
}

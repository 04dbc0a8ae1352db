import type { Command } from 'commander';
import { type BookSummary, summarizeBook } from '../../modules/intake/book-summary.js';
import { CODES, type Code } from '../../shared/codes.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('库中现有数据概况 (what the store holds)')
    .option('--json', 'as one JSON object')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const summary = await summarizeBook(deps);
        if (options.json) writeJsonLine(summary);
        else for (const line of describeBook(summary)) writeLine(line);
      });
    });
}

const SELLER_KINDS: Record<string, string> = {
  agent: '营销员 (agents)',
  bancassurance_specialist: '银保专管员 (bancassurance specialists)',
  agency: '代理机构 (agencies)',
};

export function describeBook(s: BookSummary): string[] {
  const lines = [
    '投保单 (applications)',
    `  通过核保资料检查 (accepted): ${s.applications.accepted}`,
    `  被拒绝 (rejected):           ${s.applications.rejected}`,
  ];
  const codes = Object.entries(s.rejectedByCode).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  for (const [code, count] of codes) {
    lines.push(
      `    ${code.padEnd(22)} ${String(count).padStart(7)}  ${CODES[code as Code].zh} (${CODES[code as Code].en})`,
    );
  }
  lines.push(`客户 (customers): ${s.customers}`, `提交记录 (submissions): ${s.submissions}`, '销售人员 (sellers)');
  for (const seller of s.sellers) {
    lines.push(
      `  ${SELLER_KINDS[seller.kind] ?? seller.kind}: ${seller.total}（有销售资格 qualified: ${seller.qualified}）`,
    );
  }
  return lines;
}

import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import { recordHoldsExport, writeHolds } from '../../modules/commission/commission.service.js';
import { escalateOverdue } from '../../modules/escalation/escalation.service.js';
import { exportItems, listItems } from '../../modules/linkage/items.service.js';
import { WHOLE_COMPANY } from '../../platform/access/scope.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { registerItemsDistribute } from './items-distribute.js';
import { cliContext } from './users.js';

interface FilterOptions {
  status?: string;
  rule?: string;
  detectedOn?: string;
  branch?: string;
  channel?: string;
}

function withFilters(command: Command): Command {
  return command
    .option('--status <status>', 'open, …')
    .option('--rule <rule>', 'SHARED_PHONE | SHARED_ACCOUNT | AGENT_CONTACT | COMPLAINT_RECHECK')
    .option('--detected-on <date>', 'YYYY-MM-DD')
    .option('--branch <code>', 'branch code')
    .option('--channel <channel>', 'agent | bancassurance | agency');
}

const filterOf = (o: FilterOptions) => ({
  status: o.status,
  rule: o.rule,
  detectedOn: o.detectedOn,
  branchCode: o.branch,
  channel: o.channel,
});

export function registerItems(program: Command): void {
  const items = program.command('items').description('问题件 (problem items, INTERCHANGE §5)');
  registerItemsDistribute(items);
  withFilters(items.command('list'))
    .description('列出问题件，最新在前 (list problem items, newest first)')
    .option('--limit <n>', 'page size', wholeNumber(1), 100)
    .option('--offset <n>', 'skip this many', wholeNumber(0), 0)
    .option('--json', 'one item per line')
    .action(async (options: FilterOptions & { limit: number; offset: number; json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const list = await listItems(deps, filterOf(options), { limit: options.limit, offset: options.offset });
        for (const item of list) {
          if (options.json) writeJsonLine(item);
          else {
            writeLine(
              `${item.itemNo}  ${item.policyNo.padEnd(16)} ${item.rule.padEnd(18)} 截止 due ${item.dueOn}  ${item.status}  ${item.channel ?? ''}/${item.branchCode ?? ''}  关联 related: ${item.relatedPolicyNos.length}`,
            );
          }
        }
      });
    });
  withFilters(items.command('export'))
    .description('导出问题件为 Excel (export problem items to an .xlsx workbook)')
    .argument('<file>', 'the .xlsx file to write')
    .action(async (file: string, options: FilterOptions, command: Command) => {
      await withDeps(command, async (deps) => {
        const count = await exportItems(deps, filterOf(options), file);
        writeLine(`已导出 (exported): ${count} → ${file}`);
      });
    });
  items
    .command('escalate')
    .description(
      '逾期问题件升级至渠道管理与合规，并排入邮件 (escalate overdue items to channel management and compliance, P5.13)',
    )
    .option('--as-of <date>', '按此日判断逾期 (the day to judge overdue by), YYYY-MM-DD; default today (China)')
    .action(async (options: { asOf?: string }, command: Command) => {
      await withDeps(command, async (deps) => {
        const report = await escalateOverdue(deps, { asOf: options.asOf, context: cliContext() });
        writeLine(
          `已升级 (escalated) ${report.asOf}: ${report.escalated} 件 (items)，通知 ${report.notifications} 条 (notifications)，邮件 ${report.mails} 封 (mails queued)`,
        );
      });
    });
  items
    .command('holds')
    .description('缓发手续费保单：有未结问题件的保单 (policies whose commission is held: an item not closed)')
    .addOption(new Option('--format <format>', 'csv | jsonl').choices(['csv', 'jsonl']).default('csv'))
    .option('--out <file>', '写入文件而非标准输出 (write to a file instead of standard output)')
    .action(async (options: { format: 'csv' | 'jsonl'; out?: string }, command: Command) => {
      await withDeps(command, async (deps) => {
        const file = options.out ? createWriteStream(options.out) : undefined;
        const count = await writeHolds(deps, WHOLE_COMPANY, file ?? process.stdout, options.format);
        if (file) {
          file.end();
          await finished(file);
        }
        await recordHoldsExport(deps, cliContext(), count);
        if (file) writeLine(`已导出 (exported): ${count} → ${options.out}`);
      });
    });
}

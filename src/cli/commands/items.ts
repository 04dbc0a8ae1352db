import type { Command } from 'commander';
import { exportItems, listItems } from '../../modules/linkage/items.service.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';

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
}

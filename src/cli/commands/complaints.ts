import { type Command, InvalidArgumentError } from 'commander';
import { recheckWindow } from '../../modules/complaints/complaints.js';
import { importComplaints, sellersToRecheck } from '../../modules/complaints/complaints.service.js';
import { isRealDate } from '../../modules/intake/china-time.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';

function isoDate(value: string): string {
  if (!isRealDate(value.trim())) {
    throw new InvalidArgumentError('应为真实日期 YYYY-MM-DD (must be a real date YYYY-MM-DD)');
  }
  return value.trim();
}

export function registerComplaints(program: Command): void {
  const complaints = program.command('complaints').description('投诉登记 (the complaints register, INTERCHANGE §2a)');
  complaints
    .command('import')
    .description('导入投诉记录 (import complaints)')
    .argument('<file>', '.jsonl, .csv or .xlsx')
    .option('--json', 'one result per line on stdout')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const summary = await importComplaints(deps, file, (line) => {
          if (options.json) writeJsonLine(line);
          else if (line.status === 'rejected' || line.status === 'malformed') {
            const reasons = line.errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('; ');
            writeLine(`第 ${line.line} 行 (line ${line.line}) ${line.status}: ${reasons}`);
          }
        });
        const out = options.json ? (t: string) => process.stderr.write(`${t}\n`) : writeLine;
        out(
          `读取 (read): ${summary.linesRead}  新增 (created): ${summary.created}  更新 (updated): ${summary.updated}  未变 (unchanged): ${summary.unchanged}  拒绝 (rejected): ${summary.rejected}  无法读取 (malformed): ${summary.malformed}`,
        );
      });
    });
  complaints
    .command('recheck')
    .description(
      '列出一年内有两次及以上经核实销售误导投诉、须复核其全部保单的销售人员 (sellers due for the P5.14 re-check)',
    )
    .requiredOption('--as-of <date>', 'YYYY-MM-DD: the last day of the twelve months counted', isoDate)
    .option('--json', 'one seller per line on stdout')
    .action(async (options: { asOf: string; json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const sellers = await sellersToRecheck(deps, options.asOf);
        const window = recheckWindow(options.asOf);
        const out = options.json ? (t: string) => process.stderr.write(`${t}\n`) : writeLine;
        out(
          `核实日期在 ${window.after}（不含）至 ${window.through}（含）之间 (verified after ${window.after}, up to and including ${window.through})`,
        );
        for (const s of sellers) {
          if (options.json) writeJsonLine(s);
          else {
            writeLine(
              `${s.agentCode}  ${s.count} 次经核实的销售误导投诉 (verified misleading-sales complaints): ${s.verifiedOn.join(', ')}  [${s.complaintNos.join(', ')}]`,
            );
          }
        }
        out(`须复核的销售人员 (sellers to re-check): ${sellers.length}`);
      });
    });
}

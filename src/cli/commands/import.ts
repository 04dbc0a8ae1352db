import type { Command } from 'commander';
import { type ImportSummary, importApplications } from '../../modules/intake/intake.service.js';
import { CODES, type Code } from '../../shared/codes.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { progressBar } from '../progress.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('导入投保单并逐条过自动核保资料检查 (import applications through the underwriting gate)')
    .argument('<file>', '.jsonl, .csv or .xlsx (INTERCHANGE §1)')
    .option('--json', 'one gate outcome per line on stdout (INTERCHANGE §3)')
    .option('--workers <n>', 'worker threads (default: one per core for large files)', wholeNumber(0))
    .action(async (file: string, options: { json?: boolean; workers?: number }, command: Command) => {
      await withDeps(command, async (deps) => {
        const bar = progressBar('导入 import');
        const summary = await importApplications(deps, file, {
          workers: options.workers,
          onOutcome: options.json ? (o) => writeJsonLine(o) : undefined,
          onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.records),
        });
        bar.done();
        const lines = describeSummary(summary);
        for (const line of lines) (options.json ? (t: string) => process.stderr.write(`${t}\n`) : writeLine)(line);
      });
    });
}

export function describeSummary(s: ImportSummary): string[] {
  const lines = [
    `文件 (file): ${s.file}`,
    `读取 (read): ${s.linesRead}  通过 (accepted): ${s.accepted}  拒绝 (rejected): ${s.rejected}  未变 (unchanged): ${s.unchanged}  无法读取的行 (malformed): ${s.malformed}`,
  ];
  const codes = Object.entries(s.rejectedByCode).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (codes.length > 0) {
    lines.push('拒绝原因 (rejections by code):');
    for (const [code, count] of codes) {
      const info = CODES[code as Code];
      lines.push(`  ${code.padEnd(22)} ${String(count).padStart(8)}  ${info.zh} (${info.en})`);
    }
  }
  lines.push(
    `用时 (seconds): ${s.seconds.toFixed(2)}  (${Math.round(s.linesRead / Math.max(s.seconds, 0.001))} 条/秒 records/s)`,
  );
  return lines;
}

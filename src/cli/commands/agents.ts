import type { Command } from 'commander';
import { importAgents } from '../../modules/agents/agents.service.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';

export function registerAgents(program: Command): void {
  const agents = program.command('agents').description('销售人员名册 (the agent register, INTERCHANGE §2)');
  agents
    .command('import')
    .description('导入营销员、银保专管员和代理机构 (import agents, specialists and agencies)')
    .argument('<file>', '.jsonl, .csv or .xlsx')
    .option('--json', 'one result per line on stdout')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      await withDeps(command, async (deps) => {
        const summary = await importAgents(deps, file, (line) => {
          if (options.json) writeJsonLine(line);
          else if (line.status === 'rejected' || line.status === 'malformed') {
            const reasons = line.errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('; ');
            writeLine(
              `第 ${line.line} 行 (line ${line.line}) ${line.status}: ${reasons || '不是JSON对象 (not a JSON object)'}`,
            );
          }
        });
        const out = options.json ? (t: string) => process.stderr.write(`${t}\n`) : writeLine;
        out(
          `读取 (read): ${summary.linesRead}  新增 (created): ${summary.created}  更新 (updated): ${summary.updated}  未变 (unchanged): ${summary.unchanged}  拒绝 (rejected): ${summary.rejected}  无法读取 (malformed): ${summary.malformed}`,
        );
      });
    });
}

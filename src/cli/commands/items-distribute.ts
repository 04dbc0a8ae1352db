import type { Command } from 'commander';
import { SYSTEM_STAFF } from '../../modules/cases/case-actor.js';
import {
  type DistributionResult,
  distributeAllOpen,
  distributeItems,
} from '../../modules/cases/distribution.service.js';
import { AppError } from '../../platform/errors.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';
import { cliContext } from './users.js';

function describe(result: DistributionResult): string {
  if (result.error) return `${result.itemNo}  未分发 not distributed: ${result.error.zh} (${result.error.en})`;
  return `${result.itemNo}  → ${result.assignee?.displayName ?? ''} (#${result.assignee?.id ?? ''})`;
}

/** `veracity items distribute`: customer service's distribution (P5.13), run by the system. */
export function registerItemsDistribute(items: Command): void {
  items
    .command('distribute')
    .description(
      '按分发规则分发待分发的问题件，同一关联一并分发 (distribute open items by the routing rules; link-mates go along)',
    )
    .argument('[itemNos...]', 'item numbers to distribute')
    .option('--all-open', 'every open item')
    .option('--json', 'one result per line')
    .action(async (itemNos: string[], options: { allOpen?: boolean; json?: boolean }, command: Command) => {
      const all = options.allOpen === true;
      if (all === itemNos.length > 0) {
        throw new AppError('BAD_INPUT', {
          zh: '请给出问题件编号，或使用 --all-open（二者选一）',
          en: 'give item numbers or --all-open (one of the two)',
        });
      }
      // The system distributes, on behalf of the operating-system user who runs the command.
      const context = cliContext();
      const staff = { ...SYSTEM_STAFF, username: context.actor.name };
      await withDeps(command, async (deps) => {
        const counts = { distributed: 0, refused: 0 };
        const print = (results: DistributionResult[]) => {
          for (const result of results) {
            if (result.error) counts.refused += 1;
            else counts.distributed += 1;
            if (options.json) writeJsonLine(result);
            else writeLine(describe(result));
          }
        };
        if (all) await distributeAllOpen(deps, staff, context, print);
        else print((await distributeItems(deps, staff, context, itemNos)).results);
        if (!options.json) {
          writeLine(`已分发 (distributed): ${counts.distributed}  未分发 (not distributed): ${counts.refused}`);
        }
      });
    });
}

import type { Command } from 'commander';
import { listCoolingOff, setCoolingOff } from '../../modules/products/products.service.js';
import { withDeps, writeJsonLine, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';

export function registerProducts(program: Command): void {
  const products = program.command('products').description('产品条款 (product terms)');
  products
    .command('cooling-off')
    .description('查看或设置产品犹豫期天数，默认15天 (show or set a product’s cooling-off days; default 15)')
    .argument('[productCode]', 'the product to set')
    .argument('[days]', 'calendar days from the receipt, at least 15', wholeNumber(1))
    .option('--json', 'as JSON lines')
    .action(
      async (
        productCode: string | undefined,
        days: number | undefined,
        options: { json?: boolean },
        command: Command,
      ) => {
        await withDeps(command, async (deps) => {
          if (productCode !== undefined && days !== undefined) {
            const set = await setCoolingOff(deps, productCode, days);
            if (options.json) writeJsonLine(set);
            else
              writeLine(
                `${set.productCode}: 犹豫期 (cooling-off) ${set.days} 天 (days), 版本 (version) ${set.version}`,
              );
            return;
          }
          for (const p of await listCoolingOff(deps)) {
            if (options.json) writeJsonLine(p);
            else writeLine(`${p.productCode.padEnd(12)} ${String(p.days).padStart(4)} 天 (days)  v${p.version}`);
          }
        });
      },
    );
}

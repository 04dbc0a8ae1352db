import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { DEFAULT_COOLING_OFF_DAYS } from '../linkage/problem-items.js';
import * as repo from './products.repository.js';

/**
 * Cooling-off periods per product (犹豫期): the regulator's floor is 15 calendar days from the
 * receipt for long-term individual business; a product may give more, never less.
 */
export async function setCoolingOff(
  deps: Deps,
  productCode: string,
  days: number,
): Promise<{ productCode: string; days: number; version: number }> {
  const code = productCode.trim();
  if (code === '' || !Number.isInteger(days) || days < DEFAULT_COOLING_OFF_DAYS || days > 366) {
    throw new AppError('BAD_INPUT', {
      zh: `犹豫期应为 ${DEFAULT_COOLING_OFF_DAYS} 至 366 天的整数，产品代码不能为空`,
      en: `a cooling-off period is a whole number of days from ${DEFAULT_COOLING_OFF_DAYS} to 366, for a product code`,
    });
  }
  const version = await deps.db.kysely
    .transaction()
    .execute((trx) => repo.saveCoolingOff(trx, code, days, deps.clock.now().toISOString()));
  return { productCode: code, days, version };
}

export async function listCoolingOff(deps: Deps) {
  return repo.listCoolingOff(deps.db.kysely);
}

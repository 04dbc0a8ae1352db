import type { Channel, ProductType } from '../../shared/contract.js';
import { type Rng, Weighted } from './prng.js';

export interface Product {
  code: string;
  type: ProductType;
  termMonths: number;
  frequency: 'annual' | 'single' | 'monthly';
  /** Typical premium range per payment, CNY. */
  premium: readonly [min: number, max: number];
}

const P = (
  code: string,
  type: ProductType,
  termMonths: number,
  frequency: Product['frequency'],
  premium: [number, number],
): Product => ({ code, type, termMonths, frequency, premium });

const WHOLE_LIFE = P('WL-20', 'traditional_life', 240, 'annual', [3000, 30000]);
const TERM_LIFE_20 = P('TL-20', 'traditional_life', 240, 'annual', [600, 5000]);
const TERM_LIFE_30 = P('TL-30', 'traditional_life', 360, 'annual', [800, 6000]);
const ENDOWMENT_10 = P('PAR-10', 'participating', 120, 'annual', [5000, 100000]);
const ENDOWMENT_5 = P('PAR-5', 'participating', 60, 'annual', [10000, 200000]);
const ENDOWMENT_SINGLE = P('PAR-3S', 'participating', 36, 'single', [20000, 500000]);
const UNIT_LINKED = P('UL-10', 'unit_linked', 120, 'single', [50000, 1000000]);
const UNIVERSAL_5 = P('UNV-5', 'universal', 60, 'annual', [10000, 200000]);
const UNIVERSAL_10 = P('UNV-10', 'universal', 120, 'annual', [6000, 100000]);
const ACCIDENT_1 = P('ACC-1', 'accident', 12, 'annual', [100, 800]);
const ACCIDENT_3 = P('ACC-3', 'accident', 36, 'annual', [200, 1200]);
// Short-term travel accident cover: under 12 months, outside the rules' scope (P5.4).
const ACCIDENT_6M = P('ACC-6M', 'accident', 6, 'single', [30, 200]);
const MEDICAL_1 = P('HL-1', 'health', 12, 'annual', [300, 5000]);
const MEDICAL_MONTHLY = P('HL-1M', 'health', 12, 'monthly', [30, 400]);
const CRITICAL_20 = P('CI-20', 'health', 240, 'annual', [2000, 20000]);
const CRITICAL_30 = P('CI-30', 'health', 360, 'annual', [1500, 15000]);

/** Each channel's product mix: agents sell protection, banks savings, agencies short cover. */
const MIX: Record<Channel, Weighted<Product>> = {
  agent: new Weighted([
    [WHOLE_LIFE, 10],
    [TERM_LIFE_20, 8],
    [TERM_LIFE_30, 5],
    [ENDOWMENT_10, 12],
    [ENDOWMENT_5, 5],
    [UNIVERSAL_10, 4],
    [ACCIDENT_1, 12],
    [ACCIDENT_3, 4],
    [ACCIDENT_6M, 1],
    [MEDICAL_1, 12],
    [MEDICAL_MONTHLY, 3],
    [CRITICAL_20, 14],
    [CRITICAL_30, 10],
  ]),
  bancassurance: new Weighted([
    [ENDOWMENT_SINGLE, 25],
    [ENDOWMENT_5, 20],
    [ENDOWMENT_10, 15],
    [UNIVERSAL_5, 15],
    [UNIVERSAL_10, 8],
    [UNIT_LINKED, 7],
    [WHOLE_LIFE, 10],
  ]),
  agency: new Weighted([
    [ACCIDENT_1, 30],
    [ACCIDENT_3, 10],
    [ACCIDENT_6M, 6],
    [MEDICAL_1, 25],
    [CRITICAL_20, 15],
    [TERM_LIFE_20, 14],
  ]),
};

export function pickProduct(rng: Rng, channel: Channel): Product {
  return MIX[channel].pick(rng);
}

/** A premium as the contract writes it: a string with two decimals; rate tables give odd cents. */
export function premiumAmount(rng: Rng, product: Product): string {
  const [min, max] = product.premium;
  const raw = min * (max / min) ** rng.next();
  if (rng.chance(0.5)) return `${Math.max(min, Math.round(raw / 100) * 100)}.00`;
  return raw.toFixed(2);
}

/** Products bought for children and parents lean to protection; savings are bought for oneself. */
export function isProtection(product: Product): boolean {
  return product.type === 'accident' || product.type === 'health' || product.type === 'traditional_life';
}

/**
 * Issuing bank from the card BIN (reference data `bank-bins.json`, built from bankcardinfo's
 * patterns). Never a network lookup: that would send card numbers to a third party.
 * Loaded once, on first use, into one Map per card length and prefix length, searched longest
 * prefix first.
 */
import { readReferenceText } from '../../platform/reference/read-reference.js';

export type CardType = 'debit' | 'credit' | 'semi_credit' | 'prepaid';

export interface BinMatch {
  bankCode: string;
  bankName: string;
  cardType: CardType;
}

interface BankBinsFile {
  banks: Record<string, string>;
  bins: [prefix: string, length: number, bankCode: string, cardType: CardType][];
}

interface PrefixTier {
  prefixLength: number;
  byPrefix: Map<string, BinMatch>;
}

interface BinIndex {
  /** Card length → prefix tiers, longest prefix first. */
  tiersByCardLength: Map<number, PrefixTier[]>;
  bankNames: Map<string, string>;
}

let index: BinIndex | undefined;

function loadIndex(): BinIndex {
  const file = JSON.parse(readReferenceText('bank-bins.json')) as BankBinsFile;
  const bankNames = new Map(Object.entries(file.banks));
  const tiersByCardLength = new Map<number, PrefixTier[]>();
  for (const [prefix, cardLength, bankCode, cardType] of file.bins) {
    let tiers = tiersByCardLength.get(cardLength);
    if (!tiers) {
      tiers = [];
      tiersByCardLength.set(cardLength, tiers);
    }
    let tier = tiers.find((t) => t.prefixLength === prefix.length);
    if (!tier) {
      tier = { prefixLength: prefix.length, byPrefix: new Map() };
      tiers.push(tier);
    }
    tier.byPrefix.set(prefix, { bankCode, bankName: bankNames.get(bankCode) ?? bankCode, cardType });
  }
  for (const tiers of tiersByCardLength.values()) tiers.sort((a, b) => b.prefixLength - a.prefixLength);
  return { tiersByCardLength, bankNames };
}

function getIndex(): BinIndex {
  index ??= loadIndex();
  return index;
}

/** The bank whose BIN (prefix and card length) matches these digits, if any. */
export function lookupBin(digits: string): BinMatch | undefined {
  const tiers = getIndex().tiersByCardLength.get(digits.length);
  if (!tiers) return undefined;
  for (const { prefixLength, byPrefix } of tiers) {
    const match = byPrefix.get(digits.slice(0, prefixLength));
    if (match) return match;
  }
  return undefined;
}

/** Bank name (zh) for a bank code of the table. */
export function bankNameFor(bankCode: string): string | undefined {
  return getIndex().bankNames.get(bankCode);
}

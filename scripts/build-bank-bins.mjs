#!/usr/bin/env node
/**
 * Builds src/platform/reference/bank-bins.json, our BIN → issuing-bank table, from the data
 * inside the `bankcardinfo` package (devDependency, ISC licence).
 *
 * bankcardinfo keeps its table in a private array of patterns `/^(p1|p2|…)\d{n}$/` and falls back
 * to an online lookup (which would leak card numbers); we only take the patterns, as
 * [prefix, card length, bank code, card type] rows. Where two banks claim the same prefix and
 * length, the first in bankcardinfo's order wins (that is the bank bankcardinfo answers).
 *
 * Run: node scripts/build-bank-bins.mjs   (re-run after upgrading bankcardinfo; commit the JSON)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const packageDir = require.resolve('bankcardinfo/package.json').replace(/package\.json$/, '');
const { version } = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8'));
const source = readFileSync(`${packageDir}index.js`, 'utf8');

const start = source.indexOf('var bankcardList = [');
const end = source.indexOf('function getBankNameByBankCode');
if (start < 0 || end < 0) throw new Error('bankcardinfo layout changed: bankcardList not found');
const listSource = source
  .slice(start, end)
  .replace(/^var bankcardList =/, '')
  .trim()
  .replace(/;$/, '');
/** @type {{ bankName: string, bankCode: string, patterns: { reg: RegExp, cardType: string }[] }[]} */
const bankcardList = vm.runInNewContext(`(${listSource})`, {}, { timeout: 1000 });

const CARD_TYPES = { DC: 'debit', CC: 'credit', SCC: 'semi_credit', PC: 'prepaid' };
// bankcardinfo's names for a few banks are informal or dated; use the registered names.
const NAME_FIXES = {
  COMM: '交通银行',
  SPABANK: '平安银行',
  SPDB: '上海浦东发展银行',
  GDB: '广发银行',
  CMBC: '中国民生银行',
};
// bankcardinfo gives two banks the same code twice, and one bank two codes; these get the codes
// the banks use today (南昌银行 became 江西银行 in 2015; 苏州市商业银行 is 苏州银行).
const RECODE = {
  南昌银行: { code: 'JXBANK', name: '江西银行' },
  苏州市商业银行: { code: 'BOSZ', name: '苏州银行' },
  浙江泰隆商业银行: { code: 'ZJTLCB', name: '浙江泰隆商业银行' },
};
const PATTERN = /^\^\(([0-9|]+)\)\\d\{(\d+)\}\$$/;

const banks = {};
const rows = [];
const seen = new Map();
const conflicts = [];
for (const listed of bankcardList) {
  const recoded = RECODE[listed.bankName];
  const bankCode = recoded?.code ?? listed.bankCode;
  const name = recoded?.name ?? NAME_FIXES[bankCode] ?? listed.bankName;
  if (banks[bankCode] && banks[bankCode] !== name)
    throw new Error(`bank code ${bankCode} names both ${banks[bankCode]} and ${name}`);
  banks[bankCode] = name;
  const bank = { ...listed, bankCode };
  for (const { reg, cardType } of bank.patterns) {
    const match = PATTERN.exec(reg.source);
    if (!match) throw new Error(`unexpected pattern shape for ${bank.bankCode}: ${reg.source}`);
    const type = CARD_TYPES[cardType];
    if (!type) throw new Error(`unknown card type ${cardType} for ${bank.bankCode}`);
    const tail = Number(match[2]);
    for (const prefix of match[1].split('|')) {
      const length = prefix.length + tail;
      const key = `${prefix}/${length}`;
      const previous = seen.get(key);
      if (previous) {
        if (previous !== bank.bankCode) conflicts.push(`${key}: ${previous} and ${bank.bankCode}; kept ${previous}`);
        continue;
      }
      seen.set(key, bank.bankCode);
      rows.push([prefix, length, bank.bankCode, type]);
    }
  }
}
rows.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));

const out = {
  source: `bankcardinfo@${version} (npm, ISC licence), patterns extracted by scripts/build-bank-bins.mjs`,
  columns: ['prefix', 'length', 'bankCode', 'cardType'],
  banks,
  bins: rows,
};
const target = new URL('../src/platform/reference/bank-bins.json', import.meta.url);
// One row per line keeps diffs readable when the data is refreshed.
const json = JSON.stringify(out, null, 2).replace(
  /\[\s+("\d+"),\s+(\d+),\s+("[^"]+"),\s+("[^"]+")\s+\]/g,
  '[$1, $2, $3, $4]',
);
writeFileSync(target, `${json}\n`);
process.stdout.write(`bank-bins.json: ${rows.length} BIN rows, ${Object.keys(banks).length} banks\n`);
for (const line of conflicts) process.stdout.write(`  note: ${line}\n`);

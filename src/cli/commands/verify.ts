import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  isVerifyKind,
  VERIFY_KINDS,
  type VerifyIssue,
  type VerifyKind,
  type VerifyResult,
  verifyValue,
} from '../../modules/identity/verify.js';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** `veracity verify KIND [VALUES...]`: checks values one by one; invalid values are results, not failures. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('逐个校验证件号码、电话或银行账号 (check ID numbers, phones or bank accounts one by one)')
    .argument('<kind>', VERIFY_KINDS.join(' | '))
    .argument('[values...]', 'values to check (default: one per line on stdin)')
    .option('--json', 'one JSON result per line')
    .action(async (kind: string, values: string[], options: { json?: boolean }, command: Command) => {
      if (!isVerifyKind(kind)) {
        command.error(
          `veracity: 未知的校验类型 ${kind}，可用：${VERIFY_KINDS.join('、')}\nveracity: unknown kind ${kind}; use one of ${VERIFY_KINDS.join(', ')}`,
          { exitCode: 2, code: 'veracity.verify.unknownKind' },
        );
        return;
      }
      const today = chinaToday();
      const print = (value: string) => {
        const result = verifyValue(kind, value, today);
        process.stdout.write(`${options.json ? JSON.stringify(result) : describeResult(result)}\n`);
      };
      if (values.length > 0) {
        for (const value of values) print(value);
        return;
      }
      if (process.stdin.isTTY)
        process.stderr.write('每行输入一个值，Ctrl-D 结束 (one value per line, Ctrl-D to end)\n');
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
        if (line.trim() !== '') print(line);
      }
    });
}

/** The calendar date in China (UTC+8, no daylight saving). */
function chinaToday(): string {
  return new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const KIND_LABELS: Record<VerifyKind, string> = {
  'resident-id': '居民身份证 resident ID',
  'hmt-permit': '港澳台居民居住证 HMT residence permit',
  'foreign-permanent-resident': '外国人永久居留身份证 foreign permanent resident ID',
  passport: '护照 passport',
  phone: '电话 phone',
  'bank-account': '银行账号 bank account',
};

const DETAIL_LABELS: [key: string, label: string][] = [
  ['upgraded18', '18位号码 18-digit number'],
  ['birthDate', '出生日期 birth date'],
  ['gender', '性别 gender'],
  ['region', '地区 region'],
  ['nationality', '国籍 nationality'],
  ['phoneKind', '类型 kind'],
  ['areaCode', '区号 area code'],
  ['city', '城市 city'],
  ['country', '国家/地区 country'],
  ['issuingBank', '发卡行 issuing bank'],
  ['cardType', '卡种 card type'],
];

const VALUE_LABELS: Record<string, string> = {
  M: '男 male',
  F: '女 female',
  mobile: '手机 mobile',
  landline: '固定电话 landline',
  international: '国际 international',
  debit: '借记卡 debit',
  credit: '信用卡 credit',
  semi_credit: '准贷记卡 semi-credit',
  prepaid: '预付费卡 prepaid',
};

/** A readable line (and one line per issue) in Chinese and English. */
export function describeResult(result: VerifyResult): string {
  const verdict = result.valid ? '✓ 有效 valid' : '✗ 无效 invalid';
  const head = [`${verdict}  ${KIND_LABELS[result.kind]}  ${result.value}`];
  if (result.normalized !== undefined && result.normalized !== result.value) head.push(`→ ${result.normalized}`);
  const details: string[] = [];
  for (const [key, label] of DETAIL_LABELS) {
    const value = result[key];
    if (typeof value !== 'string') continue;
    const shown = VALUE_LABELS[value] ?? value;
    details.push(
      key === 'region' && typeof result.regionCode === 'string'
        ? `${label}: ${shown} (${result.regionCode})`
        : `${label}: ${shown}`,
    );
  }
  const lines = [details.length > 0 ? `${head.join(' ')}  |  ${details.join(' · ')}` : head.join(' ')];
  const issues = Array.isArray(result.issues) ? (result.issues as VerifyIssue[]) : [];
  for (const item of issues) {
    const level = item.level === 'error' ? '错误 error' : '提示 warning';
    lines.push(`    ${level} ${item.code}: ${item.message}`);
  }
  return lines.join('\n');
}

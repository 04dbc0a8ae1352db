import { describe, expect, it } from 'vitest';
import { REVEAL_FIELDS } from '../../../src/modules/customers/customers.service.js';
import { SCAN_RULES as SERVER_SCAN_RULES } from '../../../src/modules/linkage/problem-items.js';
import {
  CHANNELS as SERVER_CHANNELS,
  GENDERS as SERVER_GENDERS,
  ID_TYPES as SERVER_ID_TYPES,
  RELATIONS as SERVER_RELATIONS,
} from '../../../src/shared/contract.js';
import { CHANNELS, GENDERS, ID_TYPES, RELATIONS, SCAN_RULES } from './dictionary';
import enUS from './en-US';
import zhCN from './zh-CN';

/** The console mirrors the server's codes that live in files with I/O; these keep the mirror true. */
describe('dictionary', () => {
  it.each([
    ['SCAN_RULES', SCAN_RULES, SERVER_SCAN_RULES],
    ['CHANNELS', CHANNELS, SERVER_CHANNELS],
    ['RELATIONS', RELATIONS, SERVER_RELATIONS],
    ['ID_TYPES', ID_TYPES, SERVER_ID_TYPES],
    ['GENDERS', GENDERS, SERVER_GENDERS],
  ] as const)('names every one of the server’s %s', (_name, mirror, server) => {
    expect(Object.keys(mirror).sort()).toEqual([...server].sort());
  });

  it('reveals only fields the server can reveal', () => {
    expect(['name', 'idNo', 'phone', 'address', 'accountNo'].sort()).toEqual([...REVEAL_FIELDS].sort());
  });

  it('has every console string in both languages, none empty', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(enUS)]) expect(text, key).not.toBe('');
  });
});

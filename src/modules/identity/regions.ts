/**
 * GB/T 2260 administrative division codes, with history since 1981 (reference data
 * `gbt2260-areacodes.csv`). Loaded once, on first use.
 */
import { readReferenceText } from '../../platform/reference/read-reference.js';

export interface RegionInfo {
  code: string;
  name: string;
  province: string;
  status: 'current' | 'abolished';
  /** Codes that replaced an abolished code. */
  successors?: string[];
  /** The prefecture (地级) a county belongs to, when it has one. */
  prefecture?: string;
  /** The year an abolished code went out of use. */
  abolishedIn?: number;
}

interface RegionTables {
  byCode: Map<string, RegionInfo>;
  /** First two digits → the province-level record. */
  provinces: Map<string, RegionInfo>;
  /** First four digits → the prefecture-level (地级) record in use. */
  prefectures: Map<string, RegionInfo>;
}

let tables: RegionTables | undefined;

const COLUMN_COUNT = 9;
const STATUS_CURRENT = '在用';
const LEVEL_PROVINCE = '省级';
const LEVEL_PREFECTURE = '地级';
/** GB/T 2260 gives a prefecture-level city's urban districts together the code xxxx01 (市辖区). */
const URBAN_DISTRICTS_SUFFIX = '01';
/** 二级行政区 for counties directly under a municipality or province. */
const NO_PREFECTURE = new Set(['', '直辖', '省直辖']);

function loadTables(): RegionTables {
  const byCode = new Map<string, RegionInfo>();
  const provinces = new Map<string, RegionInfo>();
  const prefectures = new Map<string, RegionInfo>();
  const lines = readReferenceText('gbt2260-areacodes.csv').split(/\r?\n/);
  // A code can have several records (renamed, moved, revived): the one in use wins, else the latest.
  const chosen = new Map<string, { start: number; current: boolean; info: RegionInfo }>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const cells = line.split(',');
    if (cells.length !== COLUMN_COUNT) throw new Error(`gbt2260-areacodes.csv line ${i + 1}: expected 9 columns`);
    const [code = '', province = '', prefecture = '', name = '', level, status, start, end, newCodes = ''] = cells;
    const current = status === STATUS_CURRENT;
    const info: RegionInfo = { code, name, province, status: current ? 'current' : 'abolished' };
    if (!NO_PREFECTURE.has(prefecture)) info.prefecture = prefecture;
    if (!current) {
      if (end) info.abolishedIn = Number(end);
      const successors = parseSuccessors(newCodes, code);
      if (successors.length > 0) info.successors = successors;
    }
    const startYear = Number(start);
    const previous = chosen.get(code);
    if (!previous || (current && !previous.current) || (current === previous.current && startYear >= previous.start)) {
      chosen.set(code, { start: startYear, current, info });
    }
    if (level === LEVEL_PROVINCE && current) provinces.set(code.slice(0, 2), info);
    if (level === LEVEL_PREFECTURE && current) prefectures.set(code.slice(0, 4), info);
  }
  for (const [code, { info }] of chosen) byCode.set(code, info);
  return { byCode, provinces, prefectures };
}

/** `340901[1983];340902` → the codes, without the year and without the code itself (a rename). */
function parseSuccessors(cell: string, own: string): string[] {
  const codes = new Set<string>();
  for (const part of cell.split(';')) {
    const code = part.replace(/\[.*$/, '').trim();
    if (/^\d{6}$/.test(code) && code !== own) codes.add(code);
  }
  return [...codes];
}

function getTables(): RegionTables {
  tables ??= loadTables();
  return tables;
}

/** The province-level region for the first two digits of a code, if they are a real province (GB/T 2260). */
export function provinceFor(code: string): RegionInfo | undefined {
  return getTables().provinces.get(code.slice(0, 2));
}

/** Any division (province, prefecture or county; current or abolished) with this exact 6-digit code. */
export function regionFor(code: string): RegionInfo | undefined {
  const { byCode, prefectures } = getTables();
  const known = byCode.get(code);
  if (known || !code.endsWith(URBAN_DISTRICTS_SUFFIX)) return known;
  // The data set lists no 市辖区 codes, but many cards issued in city districts carry one.
  const city = prefectures.get(code.slice(0, 4));
  if (!city) return undefined;
  const urbanDistricts: RegionInfo = {
    code,
    name: '市辖区',
    province: city.province,
    prefecture: city.name,
    status: 'current',
  };
  byCode.set(code, urbanDistricts);
  return urbanDistricts;
}

/** 广东省广州市番禺区 — the full name for display. */
export function fullRegionName(region: RegionInfo): string {
  const parts = [region.province];
  if (region.prefecture && region.prefecture !== region.province) parts.push(region.prefecture);
  if (region.name !== region.province && region.name !== region.prefecture) parts.push(region.name);
  return parts.join('');
}

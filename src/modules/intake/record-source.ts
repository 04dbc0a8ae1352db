import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { unflattenRow } from './unflatten-row.js';

/**
 * Reads an application file as a stream of raw records, whatever its size: JSON Lines as text
 * (parsed later, in the workers), CSV and XLSX rows already turned back into nested records.
 * Line numbers are the file's own (1-based; for CSV/XLSX the header is line 1).
 */
export type RawRecord = { lineNo: number; text: string } | { lineNo: number; record: unknown };

export type FileFormat = 'jsonl' | 'csv' | 'xlsx';

export function formatOf(file: string): FileFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new AppError('UNREADABLE_FILE', {
    zh: `不支持的文件类型“${ext || '无扩展名'}”：请使用 .jsonl、.csv 或 .xlsx`,
    en: `unsupported file type "${ext || 'none'}": use .jsonl, .csv or .xlsx`,
  });
}

export function assertReadable(file: string): number {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    fs.accessSync(file, fs.constants.R_OK);
    return stat.size;
  } catch (cause) {
    throw new AppError(
      'UNREADABLE_FILE',
      { zh: `无法读取文件 ${file}`, en: `cannot read the file ${file}` },
      { cause },
    );
  }
}

export interface ReadOptions {
  /** Columns a CSV/XLSX header must have to be in the contract's form, e.g. `policyNo`. */
  requiredColumns: readonly string[];
  onBytes?: (bytes: number) => void;
}

/** Yields records in file order; `onBytes` reports progress through the file. */
export async function* readRecords(file: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  const format = formatOf(file);
  if (format === 'jsonl') yield* readJsonLines(file, options.onBytes);
  else if (format === 'csv') yield* readCsv(file, options);
  else yield* readXlsx(file, options);
}

function checkHeader(file: string, header: readonly string[], required: readonly string[]): void {
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new AppError('UNREADABLE_FILE', {
      zh: `${file} 的表头缺少列 ${missing.join('、')}：不是接口规范的 CSV/XLSX 格式（字段以 _ 展开，如 applicant_name）`,
      en: `the header of ${file} lacks ${missing.join(', ')}: not the contract's CSV/XLSX form (fields flattened with _, e.g. applicant_name)`,
    });
  }
}

async function* readJsonLines(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<RawRecord> {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let rest = '';
  let lineNo = 0;
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const text = rest + chunk.toString('utf8');
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      lineNo++;
      const line = text.slice(start, end);
      start = end + 1;
      if (line.trim() !== '') yield { lineNo, text: stripBom(line, lineNo) };
    }
    rest = text.slice(start);
    onBytes?.(bytes);
  }
  if (rest.trim() !== '') yield { lineNo: lineNo + 1, text: stripBom(rest, lineNo + 1) };
}

function stripBom(line: string, lineNo: number): string {
  return lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

async function* readCsv(file: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  const parser = stream.pipe(
    parseCsv({
      bom: true,
      // A header not in the contract's form stops the read: the error reaches the loop below.
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        checkHeader(file, names, options.requiredColumns);
        return names;
      },
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      trim: true,
    }),
  );

  for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { lineNo: row.info.lines, record: unflattenRow(row.record) };
  }
}

async function* readXlsx(file: string, options: ReadOptions): AsyncGenerator<RawRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    let header: string[] | undefined;
    for await (const row of worksheet) {
      const values = cellTexts(row as ExcelJS.Row);
      if (!header) {
        header = values;
        checkHeader(file, header, options.requiredColumns);
        continue;
      }
      if (values.every((v) => v === '')) continue;
      const record: Record<string, string> = {};
      header.forEach((name, i) => {
        if (name) record[name] = values[i] ?? '';
      });
      yield { lineNo: (row as ExcelJS.Row).number, record: unflattenRow(record) };
    }
    break; // the first sheet holds the applications
  }
  options.onBytes?.(Number.POSITIVE_INFINITY);
}

/** Cell text as the sheet shows it: ID numbers typed as numbers keep their digits, dates become ISO. */
function cellTexts(row: ExcelJS.Row): string[] {
  const out: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    const v = cell.value;
    let text: string;
    if (v === null || v === undefined) text = '';
    else if (v instanceof Date) text = v.toISOString();
    else if (typeof v === 'object' && 'text' in v) text = String(v.text);
    else if (typeof v === 'object' && 'result' in v) text = String(v.result ?? '');
    else if (typeof v === 'object' && 'richText' in v) text = v.richText.map((r) => r.text).join('');
    else text = String(v);
    out[column - 1] = text.trim();
  });
  for (let i = 0; i < out.length; i++) out[i] ??= '';
  return out;
}

import path from 'node:path';

const MAX_NAME = 80;

/**
 * The file's own name as kept in plaintext on the batch (import_batches.file_name). People name
 * files after customers (张伟_110101198001011232.csv), so only ASCII letters, `.`, `-`, `_` and
 * runs of fewer than 6 digits are kept — not a Chinese name, nor an ID, phone or account number,
 * however it is broken up — and the rest becomes `_`. Capped at 80 characters from the start, keeping the extension, which
 * decides the format.
 */
export function safeFileName(fileName: string): string {
  const base = path
    .basename(fileName.replaceAll('\\', '/'))
    // A number written with separators (138-0013-8000, 6222 0212 …) counts as one run.
    .replace(/\d(?:[\s._-]?\d){5,}/g, '_')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_{2,}/g, '_');
  if (base.length <= MAX_NAME) return base;
  const extension = path.extname(base);
  return extension.length < MAX_NAME
    ? `${base.slice(0, MAX_NAME - extension.length)}${extension}`
    : base.slice(0, MAX_NAME);
}

/**
 * The CSV/XLSX form of a record (INTERCHANGE §1): nested fields joined with `_`
 * (`applicant_name`, `payerAccount_accountNo`, `beneficiaries_0_sharePct`), phone lists
 * `;`-separated, empty cells absent. Turns one row back into the JSON record.
 */
const LIST_FIELDS = new Set(['phones']);
const NUMBER_FIELDS = new Set(['termMonths', 'sharePct']);

export function unflattenRow(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(row)) {
    const value = raw.trim();
    if (value === '') continue;
    const keys = column.trim().split('_');
    const leaf = keys[keys.length - 1] as string;
    let target: Record<string, unknown> | unknown[] = record;
    for (let i = 0; i < keys.length - 1; i++) {
      const key = keys[i] as string;
      const nextIsIndex = /^\d+$/.test(keys[i + 1] as string);
      const container = target as Record<string, unknown>;
      container[key] ??= nextIsIndex ? [] : {};
      target = container[key] as Record<string, unknown>;
    }
    (target as Record<string, unknown>)[leaf] = convert(leaf, value);
  }
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (Array.isArray(value)) record[key] = value.filter((v) => v !== undefined);
  }
  return record;
}

function convert(leaf: string, value: string): unknown {
  if (LIST_FIELDS.has(leaf))
    return value
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (NUMBER_FIELDS.has(leaf) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

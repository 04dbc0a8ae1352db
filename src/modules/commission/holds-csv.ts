/** The held policies as CSV for the commission system: a fixed English header, RFC 4180 quoting. */
export const HOLD_COLUMNS = ['policyNo', 'channel', 'branchCode', 'agentCode', 'openItems', 'oldestDueOn'] as const;

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula: quote it with a leading '.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(field).join(',')}\r\n`;
}

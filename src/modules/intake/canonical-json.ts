/**
 * JSON with object keys sorted at every level: the same record sent as JSON Lines, CSV or XLSX,
 * or with its keys in another order, has one digest (idempotent re-submission, INTERCHANGE §3).
 * Absent, null and empty-string values are dropped for the same reason.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || v === null || v === '') continue;
    out[key] = sortKeys(v);
  }
  return out;
}

/** Reading records as senders write them: numbers where text is meant, blanks for absent. */
export type LooseRecord = Record<string, unknown>;

/** A field as trimmed text; a number becomes its digits; blank, null and other types read as absent. */
export function textField(record: LooseRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

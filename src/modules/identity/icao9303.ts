/**
 * ICAO Doc 9303 check digit: characters valued 0–9, A=10 … Z=35, '<'=0, weighted 7, 3, 1
 * repeating, sum modulo 10.
 */
const WEIGHTS = [7, 3, 1] as const;

export function icao9303CheckDigit(text: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let value: number;
    if (c >= 48 && c <= 57) value = c - 48;
    else if (c >= 65 && c <= 90) value = c - 55;
    else if (c === 60) value = 0;
    else return undefined;
    sum += value * (WEIGHTS[i % 3] as number);
  }
  return String(sum % 10);
}

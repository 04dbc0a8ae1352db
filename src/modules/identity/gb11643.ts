/** GB 11643-1999 MOD 11-2 check character over the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for 17 digits, or undefined when the input is not 17 ASCII digits. */
export function mod11CheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    sum += d * (WEIGHTS[i] as number);
  }
  return CHECK_CHARS[sum % 11];
}

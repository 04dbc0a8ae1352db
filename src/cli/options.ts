import { InvalidArgumentError } from 'commander';

/** Parser for whole-number options: a bad value is a usage error (exit 2), not an internal one. */
export function wholeNumber(minimum: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < minimum) {
      throw new InvalidArgumentError(`应为不小于 ${minimum} 的整数 (must be a whole number ≥ ${minimum})`);
    }
    return n;
  };
}

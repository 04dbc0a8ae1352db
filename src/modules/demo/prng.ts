/**
 * Seeded pseudo-random numbers. Every part of the book draws from a stream keyed by
 * (seed, stream, index), so any record can be rebuilt on its own — the generators keep no history
 * and a repeat buyer's earlier details are recomputed instead of remembered.
 */

/** Finalising mix of a 32-bit integer (lowbias32): good avalanche, cheap. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit key for a stream: mixes the user's seed (any finite number) with up to three integer parts. */
export function streamKey(seed: number, a = 0, b = 0, c = 0): number {
  const whole = Math.floor(Math.abs(seed));
  let h = mix32((whole >>> 0) ^ 0x9e3779b9);
  h = mix32(h ^ Math.floor(whole / 0x1_0000_0000) ^ (seed < 0 ? 0x5bd1e995 : 0));
  h = mix32(h ^ mix32((a >>> 0) + 0x6a09e667));
  h = mix32(h ^ mix32((b >>> 0) + 0xbb67ae85));
  return mix32(h ^ mix32((c >>> 0) + 0x3c6ef372));
}

/** A uniform number in [0, 1) from a key, for one-off decisions that need no stream. */
export function unitFromKey(key: number): number {
  return mix32(key ^ 0x27d4eb2d) / 0x1_0000_0000;
}

/** sfc32: small, fast and statistically sound for simulation. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: number) {
    this.a = key >>> 0;
    this.b = mix32(key ^ 0x85ebca6b);
    this.c = mix32(key ^ 0xc2b2ae35);
    this.d = 1;
    // The three words are already independent hashes: a few rounds suffice to decorrelate them.
    for (let i = 0; i < 4; i++) this.uint32();
  }

  static of(seed: number, a = 0, b = 0, c = 0): Rng {
    return new Rng(streamKey(seed, a, b, c));
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` decimal digits, leading zeros kept. */
  digits(count: number): string {
    let out = '';
    for (let left = count; left > 0; left -= 8) {
      const width = Math.min(8, left);
      out += String(Math.floor(this.next() * 10 ** width)).padStart(width, '0');
    }
    return out;
  }
}

/** A fixed set of choices with relative weights, picked in O(log n). */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => {
      if (!(weight >= 0)) throw new RangeError('weights must be non-negative');
      sum += weight;
      return sum;
    });
    if (sum <= 0) throw new RangeError('weights must not all be zero');
    this.total = sum;
  }

  pick(rng: Rng): T {
    return this.at(rng.next());
  }

  /** The item at a point u in [0, 1) of the cumulative distribution. */
  at(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

import { faker } from '@faker-js/faker/locale/nl';

/**
 * The one seeded random source of the demo generator. Each step forks its own stream by name, so
 * a step added later (surveys: invitations, responses) draws from a stream of its own and leaves
 * every earlier step's output unchanged.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    readonly seed: number,
    readonly label = 'root',
  ) {
    let h = hashString(`${seed}:${label}`);
    const next = () => {
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
      h ^= h >>> 15;
      return h >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A stream of its own for one step; the same (seed, name) always gives the same stream. */
  fork(name: string) {
    return new Random(this.seed, `${this.label}/${name}`);
  }

  /** sfc32: small, fast and good enough for test data (not for secrets). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** integer in [min, max] */
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number) {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** picks by relative weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Fisher–Yates on a copy */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** roughly normal (sum of uniforms), clamped to [min, max] */
  around(mean: number, spread: number, min: number, max: number) {
    const z = this.next() + this.next() + this.next() - 1.5;
    return Math.min(max, Math.max(min, Math.round(mean + z * spread * 2)));
  }

  /** The Dutch faker, seeded from this stream (faker keeps one global state: seed it per step). */
  faker() {
    faker.seed(this.int(0, 2 ** 31 - 1));
    return faker;
  }
}

/** Weighted picks in O(log n) for long lists (days of three years, thousands of units). */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  constructor(
    private readonly values: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
  }

  draw(random: Random): T {
    const r = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

function hashString(s: string) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

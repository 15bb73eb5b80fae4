/**
 * The seeded pseudo-random generator of the Monte Carlo engine: xoshiro128** 1.1 (Blackman & Vigna,
 * "Scrambled linear pseudorandom number generators", ACM TOMS 2021; reference C code at
 * https://prng.di.unimi.it/xoshiro128starstar.c), a 128-bit-state generator with period 2^128 − 1,
 * seeded with SplitMix64 as its authors recommend (https://prng.di.unimi.it/splitmix64.c).
 *
 * Everything is 32-bit integer arithmetic (`Math.imul`, shifts, xor), so a seed gives the same
 * integer stream on every JavaScript engine (Excel on Windows, Mac, the web; Node for the CLI). The
 * seed is expanded once with SplitMix64 in BigInt arithmetic: the first two 64-bit outputs, low half
 * first, are the state words s0…s3.
 */
import { fail, issue, ok, type Result } from "../issues";

/** A generator: `next()` gives the next 32-bit output as an unsigned integer 0 … 2^32 − 1. */
export interface Prng {
  /** Next output, an integer in [0, 2^32). */
  next(): number;
  /** Next uniform double in [0, 1) with 53 random bits (two outputs). */
  uniform(): number;
  /** The state words (for tests and for resuming a run elsewhere). */
  state(): [number, number, number, number];
}

// BigInt() rather than literals, so that the file also compiles for targets below ES2020.
const MASK64 = BigInt("0xffffffffffffffff");
const GOLDEN = BigInt("0x9e3779b97f4a7c15");
const M1 = BigInt("0xbf58476d1ce4e5b9");
const M2 = BigInt("0x94d049bb133111eb");
const MASK32 = BigInt(0xffffffff);
const [S27, S30, S31, S32] = [27, 30, 31, 32].map(BigInt);

/**
 * SplitMix64 (Steele, Lea & Flood 2014): `count` 64-bit outputs from the seed, as BigInts.
 * Used once per run to expand a seed into a generator state.
 * @example splitmix64(BigInt(0), 1) // [16294208416658607535n] (0xe220a8397b1dcdaf)
 */
export function splitmix64(seed: bigint, count: number): bigint[] {
  let x = seed & MASK64;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    x = (x + GOLDEN) & MASK64;
    let z = x;
    z = ((z ^ (z >> S30)) * M1) & MASK64;
    z = ((z ^ (z >> S27)) * M2) & MASK64;
    out.push(z ^ (z >> S31));
  }
  return out;
}

/**
 * A xoshiro128** generator from an explicit state (four 32-bit words, not all zero).
 * @example xoshiro128ss([1, 2, 3, 4]).next() // 11520 (reference C code, same state)
 */
export function xoshiro128ss(words: readonly [number, number, number, number]): Prng {
  let s0 = words[0] >>> 0;
  let s1 = words[1] >>> 0;
  let s2 = words[2] >>> 0;
  let s3 = words[3] >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const next = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return {
    next,
    uniform: () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992,
    state: () => [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0],
  };
}

/**
 * Checks a seed: a whole number 0 … 2^53 − 1 (an Excel cell holds it exactly).
 * @example checkSeed(-1) // issue option_range at ["seed"]
 */
export function checkSeed(seed: unknown): Result<number> {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
    return fail([
      issue("option_range", ["seed"], {
        value: typeof seed === "number" ? seed : String(seed),
        expected: "a whole number from 0 to 2^53 − 1",
        expectedZh: "0 到 2^53 − 1 之间的整数",
      }),
    ]);
  }
  return ok(seed);
}

/**
 * The generator for a seed: SplitMix64(seed) gives two 64-bit words p, q; the state is
 * (low p, high p, low q, high q). Same seed → same stream everywhere. Fails for a seed that is not a
 * whole number 0 … 2^53 − 1.
 * @example seeded(42).value.next() // 1776835114 (reference C code, same seeding)
 */
export function seeded(seed: number): Result<Prng> {
  const s = checkSeed(seed);
  if (!s.ok) return s;
  const [p, q] = splitmix64(BigInt(s.value), 2);
  const lo = (x: bigint) => Number(x & MASK32);
  const hi = (x: bigint) => Number(x >> S32);
  return ok(xoshiro128ss([lo(p), hi(p), lo(q), hi(q)]));
}

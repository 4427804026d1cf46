type Bucket = { tokens: number; updatedAtMs: number; rate: number };

/**
 * Token buckets, one per key: `rate` tokens a second, holding at most one second's worth, so a
 * burst of `rate` requests passes at once and the rest is spread out. Buckets live in the
 * process; with several web processes each keeps its own.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxKeys: number;

  constructor(maxKeys = 10_000) {
    this.#maxKeys = maxKeys;
  }

  /**
   * Takes a token for `key`. Returns 0 when one was there, otherwise how many milliseconds
   * until the next one.
   */
  take(key: string, rate: number, nowMs: number): number {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxKeys) this.#forgetFullBuckets(nowMs);
      bucket = { tokens: rate, updatedAtMs: nowMs, rate };
      this.#buckets.set(key, bucket);
    }
    const refilled = ((nowMs - bucket.updatedAtMs) / 1000) * rate;
    bucket.tokens = Math.min(rate, bucket.tokens + refilled);
    bucket.updatedAtMs = nowMs;
    bucket.rate = rate;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / rate) * 1000);
  }

  /** A bucket that has refilled is the same as no bucket; dropping those bounds the memory. */
  #forgetFullBuckets(nowMs: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((nowMs - bucket.updatedAtMs) / 1000) * bucket.rate >= bucket.rate) {
        this.#buckets.delete(key);
      }
    }
    if (this.#buckets.size >= this.#maxKeys) this.#buckets.clear();
  }
}

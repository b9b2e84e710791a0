import { AppError } from './errors.ts';

/**
 * Counts events per key in fixed windows: the first event of a key opens its window, and a key
 * that reached `max` events is refused until the window ends. Counters live in the process
 * (a deployment of several processes allows each its own count). The map is bounded: expired
 * windows are swept as it grows, and past `capacity` the oldest keys are dropped first.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  readonly max: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly capacity: number;

  constructor(max: number, windowMs: number, now: () => number = Date.now, capacity = 100_000) {
    this.max = max;
    this.windowMs = windowMs;
    this.now = now;
    this.capacity = capacity;
  }

  /** Milliseconds until `key` may act again; 0 when it may act now. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    const t = this.now();
    if (w.endsAt <= t) {
      this.windows.delete(key);
      return 0;
    }
    return w.count >= this.max ? w.endsAt - t : 0;
  }

  /** Counts one event of `key`. */
  record(key: string): void {
    const t = this.now();
    const w = this.windows.get(key);
    if (w && w.endsAt > t) {
      w.count++;
      return;
    }
    if (this.windows.size >= this.capacity) this.sweep(t);
    this.windows.set(key, { count: 1, endsAt: t + this.windowMs });
  }

  /** Takes back one event of `key` (an attempt that turned out not to count). */
  release(key: string): void {
    const w = this.windows.get(key);
    if (w && w.endsAt > this.now() && w.count > 0) w.count--;
  }

  /** Counts one event of `key`, or refuses it with 429 when the key has used its window. */
  take(key: string): void {
    const wait = this.retryAfter(key);
    if (wait > 0) throw rateLimited(wait);
    this.record(key);
  }

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (w.endsAt <= t) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.capacity) break;
      this.windows.delete(key);
    }
  }
}

/** The 429 of the error shape, saying in whole minutes when to try again. */
export function rateLimited(waitMs: number): AppError {
  return new AppError('rate_limited', { params: { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) } });
}

/**
 * The memory budget of ingest: a counting semaphore on decoded pixels, shared
 * by every ingest of one app (CLI batch, uploads, demo) so that pages decoded
 * at the same time never add up to more than the budget. A page asks for its
 * width × height (read from the header, before any pixel is decoded) and holds
 * it until its master and thumbnail are made. A page larger than the whole
 * budget (possible when the budget is set below the per-page cap) asks for the
 * whole budget, i.e. runs alone. First come, first served: a large page
 * waiting at the head is not overtaken by small ones, so it cannot starve.
 * The budget belongs to the app's configuration object (one per server or CLI
 * process); `stats()` is what the tests and the bench observe.
 */
import type { AppConfig } from '../core/index.js';
import { tuneSharp } from './page-image.js';

export interface PixelBudgetStats {
  /** Pixels the budget admits at once. */
  capacity: number;
  /** Pixels held right now. */
  inFlight: number;
  /** The most pixels ever held at once (never above capacity). */
  peak: number;
  /** The most pages ever held at once. */
  peakPages: number;
  /** Pages waiting now. */
  waiting: number;
  /** Pages admitted so far, and how many of them had to wait. */
  admitted: number;
  waited: number;
}

type Waiter = { pixels: number; admit: () => void };

export class PixelBudget {
  private inFlight = 0;
  private pages = 0;
  private peak = 0;
  private peakPages = 0;
  private admitted = 0;
  private waited = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly capacity: number) {
    if (!(Number.isFinite(capacity) && capacity > 0)) throw new RangeError('PixelBudget capacity must be a positive number');
  }

  /** Waits until `pixels` fit in the budget; the returned function gives them back (once). */
  async acquire(pixels: number): Promise<() => void> {
    const want = Math.min(Math.max(1, Math.ceil(pixels)), this.capacity);
    if (this.queue.length === 0 && this.fits(want)) {
      this.take(want);
    } else {
      this.waited++;
      await new Promise<void>((admit) => this.queue.push({ pixels: want, admit }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= want;
      this.pages--;
      this.drain();
    };
  }

  /** Runs `work` holding `pixels` of the budget. */
  async with<T>(pixels: number, work: () => Promise<T>): Promise<T> {
    const release = await this.acquire(pixels);
    try {
      return await work();
    } finally {
      release();
    }
  }

  stats(): PixelBudgetStats {
    const { capacity, inFlight, peak, peakPages, admitted, waited } = this;
    return { capacity, inFlight, peak, peakPages, waiting: this.queue.length, admitted, waited };
  }

  private fits(pixels: number): boolean {
    return this.inFlight + pixels <= this.capacity;
  }

  private take(pixels: number): void {
    this.inFlight += pixels;
    this.pages++;
    this.admitted++;
    this.peak = Math.max(this.peak, this.inFlight);
    this.peakPages = Math.max(this.peakPages, this.pages);
  }

  private drain(): void {
    while (this.queue.length > 0 && this.fits(this.queue[0]!.pixels)) {
      const next = this.queue.shift()!;
      this.take(next.pixels);
      next.admit();
    }
  }
}

const budgets = new WeakMap<AppConfig, PixelBudget>();

/**
 * The one budget of the app whose configuration this is (HOTICH_INGEST_MEGAPIXELS).
 * Making it also tunes sharp for ingest (HOTICH_INGEST_THREADS threads, no cache).
 */
export function pixelBudgetOf(config: AppConfig): PixelBudget {
  let budget = budgets.get(config);
  if (budget === undefined) {
    tuneSharp(config.ingest.threads);
    budget = new PixelBudget(config.ingest.megapixelsInFlight * 1e6);
    budgets.set(config, budget);
  }
  return budget;
}

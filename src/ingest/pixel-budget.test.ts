/**
 * The pixel budget on its own: admission in order, never above capacity, a
 * page larger than the budget runs alone, a double release gives back once.
 */
import { describe, expect, it } from 'vitest';
import { PixelBudget } from './pixel-budget.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('PixelBudget', () => {
  it('admits what fits, queues the rest in order, and never holds more than its capacity', async () => {
    const budget = new PixelBudget(100);
    const order: string[] = [];
    const releases = new Map<string, () => void>();
    const ask = (name: string, px: number) => budget.acquire(px).then((release) => (order.push(name), releases.set(name, release)));
    void ask('a', 60);
    void ask('b', 30);
    void ask('c', 50); // does not fit beside a and b
    void ask('d', 5); // fits, but does not overtake c
    await tick();
    expect(order).toEqual(['a', 'b']);
    expect(budget.stats()).toMatchObject({ inFlight: 90, waiting: 2 });
    releases.get('a')!();
    releases.get('a')!(); // a second release is ignored
    await tick();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(budget.stats()).toMatchObject({ inFlight: 85, peak: 90, peakPages: 3, admitted: 4, waited: 2, waiting: 0 });
  });

  it('lets a page larger than the whole budget run alone', async () => {
    const budget = new PixelBudget(100);
    const small = await budget.acquire(10);
    let big = false;
    const pending = budget.with(500, async () => {
      big = true;
      expect(budget.stats().inFlight).toBe(100);
    });
    await tick();
    expect(big).toBe(false);
    small();
    await pending;
    expect(budget.stats()).toMatchObject({ inFlight: 0, peak: 100 });
  });

  it('refuses a capacity that is not positive', () => {
    expect(() => new PixelBudget(0)).toThrow(RangeError);
  });
});

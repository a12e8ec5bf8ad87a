import { describe, expect, it } from 'vitest';
import { nextBatchSize } from './import-batches.js';

describe('the size of the next import batch', () => {
  it('follows the last batch pace towards the time target, within 1 and the maximum', () => {
    expect(nextBatchSize(10, 80, 40, 500)).toBe(5);
    expect(nextBatchSize(10, 20, 40, 500)).toBe(20);
    expect(nextBatchSize(400, 100, 1000, 500)).toBe(500);
    expect(nextBatchSize(1, 900, 40, 500)).toBe(1);
  });
  it('doubles after a batch too quick to time', () => {
    expect(nextBatchSize(8, 0, 40, 500)).toBe(16);
    expect(nextBatchSize(300, 0, 40, 500)).toBe(500);
  });
});

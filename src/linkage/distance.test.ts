import { describe, expect, it } from 'vitest';
import { autoEdits, soundKey, withinEdits } from './distance.js';

describe('name distances', () => {
  it('Damerau–Levenshtein within k', () => {
    expect(withinEdits('hung', 'hung', 0)).toBe(true);
    expect(withinEdits('hung', 'huong', 1)).toBe(true);
    expect(withinEdits('hung', 'hugn', 1)).toBe(true);
    expect(withinEdits('hung', 'hang', 0)).toBe(false);
    expect(withinEdits('nguyen van hung', 'nguyen van huong', 1)).toBe(true);
    expect(withinEdits('nguyen van hung', 'nguyen thi hoa', 2)).toBe(false);
    expect(withinEdits('a'.repeat(70), 'a'.repeat(69) + 'b', 1)).toBe(true);
  });
  it('AUTO:4,7 fuzziness and the confusions of old books', () => {
    expect([autoEdits('an'), autoEdits('hung'), autoEdits('nguyen hoa')]).toEqual([0, 1, 2]);
    expect(soundKey('trung')).toBe(soundKey('chung'));
    expect(soundKey('thuy')).toBe(soundKey('thui'));
    expect(soundKey('xuan')).toBe(soundKey('suan'));
    expect(soundKey('hoang')).toBe(soundKey('hoan'));
    expect(soundKey('hung')).not.toBe(soundKey('hang'));
  });
});

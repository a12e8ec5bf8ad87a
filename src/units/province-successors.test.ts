/** Province links derived from lower-level links, on a small hand-made case. */
import { describe, expect, it } from 'vitest';
import { provinceSuccessors } from './province-successors.js';
import type { SuccessorLink } from './unit.types.js';

describe('provinceSuccessors', () => {
  it('links every receiving province; the one receiving most main links is main', () => {
    const link = (from: string, to: string, main = true): SuccessorLink => ({
      from: { scheme: 'legacy', level: 'commune', code: from },
      to: { scheme: 'y2025', level: 'commune', code: to },
      main,
    });
    const province: Record<string, string> = { a1: '10', a2: '10', a3: '10', n1: '20', n2: '30' };
    const result = provinceSuccessors([link('a1', 'n1'), link('a2', 'n2'), link('a3', 'n2'), link('a1', 'n2', false)], (l) => ({ from: province[l.from.code], to: province[l.to.code] }));
    expect(result.map((l) => `${l.from.code}>${l.to.code}${l.main ? '*' : ''}`)).toEqual(['10>20', '10>30*']);
  });
});

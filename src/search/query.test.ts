import { describe, expect, it } from 'vitest';
import { editVariants, nameQuery } from './query.js';

describe('editVariants', () => {
  it('lists the words one deletion, swap, substitution or insertion away', () => {
    const v = editVariants('hoa');
    for (const w of ['ha', 'oa', 'hao', 'oha', 'hoe', 'hoan', 'khoa', 'thoa']) expect(v).toContain(w);
    expect(v).not.toContain('hoa');
    expect(v).not.toContain('hoang');
  });
});

describe('nameQuery', () => {
  it('keys the query like the index and gives variants for họ and tên', () => {
    const q = nameQuery('  NGUYỄN  thị Thuý Hoà');
    expect(q).toMatchObject({ fold: 'nguyen thi thuy hoa', ho: 'nguyen', ten: 'hoa', words: 4 });
    expect(q.hoVariants).toContain('nguyn');
    expect(q.tenVariants).toContain('hao');
    expect(nameQuery('Lan').hoVariants).toEqual([]);
  });
});

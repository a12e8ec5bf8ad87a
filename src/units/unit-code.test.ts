/** Code padding: integers and integer floats padded, anything else refused with a reason (or kept, for package data). */
import { describe, expect, it } from 'vitest';
import { padCode, padCodeOrKeep } from './unit-code.js';

describe('padCode', () => {
  it.each([
    ['1', 5, '00001'],
    ['1.0', 5, '00001'],
    ['26734.0', 5, '26734'],
    ['001', 3, '001'],
    [' 7 ', 2, '07'],
    ['000001', 5, '00001'],
  ])('%j width %i -> %j', (raw, width, code) => {
    expect(padCode(raw, width)).toEqual({ ok: true, code });
  });
  it.each([['1.5'], ['12a'], ['-1'], ['1e3'], [''], ['123']])('refuses %j for a province', (raw) => {
    const result = padCode(raw, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^mã /);
  });
});

describe('padCodeOrKeep', () => {
  it('pads what padCode pads and keeps the rest trimmed', () => {
    expect([padCodeOrKeep('1', 2), padCodeOrKeep('97', 5), padCodeOrKeep('23938.0', 5), padCodeOrKeep('', 5), padCodeOrKeep(' 12a ', 5)]).toEqual(['01', '00097', '23938', '', '12a']);
  });
});

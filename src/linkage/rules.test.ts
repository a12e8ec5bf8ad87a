import { describe, expect, it } from 'vitest';
import { findTemplate } from '../registers/index.js';
import { DEFAULT_RULES } from './default-rules.js';
import { personsOf } from './features.js';
import { evaluate, parseRules, RULE_FIELDS } from './rules.js';

const ks = (id: string, v: Record<string, string>) => personsOf({ id, registerType: 'KS', unit: '00001', values: v })[0]!;

describe('link rules as data', () => {
  it('every rule field stands for a register-catalog key', () => {
    const ksKeys = new Set(findTemplate('KS')!.fields.map((f) => f.key));
    for (const [id, f] of Object.entries(RULE_FIELDS)) expect(ksKeys.has(f.catalogKey({ role: 'nks' })), id).toBe(true);
  });

  it('parses the default rules', () => {
    expect(DEFAULT_RULES.map((r) => r.id)).toContain('cung-so-quyen');
  });

  it('rejects an unknown field with the path of the bad node, in Vietnamese', () => {
    const bad = {
      rules: [
        {
          id: 'x',
          label: 'X',
          kind: 'duplicate',
          query: {
            type: 'and',
            clauses: [
              { type: 'fuzzy', field: 'HoTen' },
              { type: 'strict', field: 'tenLa' },
            ],
          },
        },
      ],
    };
    expect(() => parseRules(bad)).toThrow(/rules\[0\]\.query\.clauses\[1\]\.field: trường không có trong danh mục/);
  });

  it('rejects an unknown clause type, a bad kind, an empty and, a negative range, a duplicate id', () => {
    const rule = (query: unknown, kind = 'duplicate', id = 'r') => ({ id, label: 'R', kind, query });
    expect(() => parseRules({ rules: [rule({ type: 'xor', clauses: [] })] })).toThrow(/rules\[0\]\.query\.type: loại điều kiện không hợp lệ/);
    expect(() => parseRules({ rules: [rule({ type: 'fuzzy', field: 'HoTen' }, 'twins')] })).toThrow(/rules\[0\]\.kind: giá trị không hợp lệ/);
    expect(() => parseRules({ rules: [rule({ type: 'or', clauses: [] })] })).toThrow(/rules\[0\]\.query\.clauses: cần ít nhất một điều kiện/);
    expect(() => parseRules({ rules: [rule({ type: 'not', clause: { type: 'dateRange', field: 'NgaySinh', days: -1 } })] })).toThrow(/rules\[0\]\.query\.clause\.days: phải ≥ 0/);
    expect(() => parseRules({ rules: [rule({ type: 'fuzzy', field: 'HoTen' }), rule({ type: 'fuzzy', field: 'HoTen' })] })).toThrow(/rules\[1\]\.id: mã quy tắc "r" bị trùng/);
    expect(() => parseRules({ rule: [] })).toThrow(/Tệp quy tắc liên kết không hợp lệ/);
  });

  it('evaluates and/or/not with missing values neutral', () => {
    const a = ks('a', { so: '12', quyenSo: '01', noiDangKy: 'UBND xã Yên Sở', nksHoTen: 'Nguyễn Thị Thuý Hoà', nksNgaySinh: '03.04.1990', meHoTen: 'Lê Thị Lan', nksGioiTinh: '2' });
    const b = ks('b', { so: '12', quyenSo: '01', noiDangKy: 'UBND xã Yên Sở', nksHoTen: 'Nguyễn Thúy Hòa', nksNgaySinh: '04.04.1990', nksGioiTinh: '2' });
    const [sameBook, nameDateMother] = DEFAULT_RULES;
    expect(evaluate(sameBook!.query, a, b)).toBe(true);
    // the mother is missing on b: neutral, the rest decides
    expect(evaluate(nameDateMother!.query, a, b)).toBe(true);
    const far = ks('c', { nksHoTen: 'Nguyễn Thúy Hòa', nksNgaySinh: '1991', nksGioiTinh: '2' });
    expect(evaluate(nameDateMother!.query, a, far)).toBe(false);
    expect(evaluate({ type: 'not', clause: { type: 'fuzzy', field: 'chaHoTen' } }, a, b)).toBe(null);
    expect(
      evaluate(
        {
          type: 'or',
          clauses: [
            { type: 'fuzzy', field: 'chaHoTen' },
            { type: 'strict', field: 'GioiTinh', value: '2' },
          ],
        },
        a,
        b,
      ),
    ).toBe(true);
  });
});

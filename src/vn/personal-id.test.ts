import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { ID_PROVINCE_CODES, idPlaceKind } from './id-place-codes.js';
import { checkOldIdCard, checkPersonalId, decodePersonalId } from './personal-id.js';
import { searchKey } from './search-key.js';

const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code);

/** Province code -> name from the GSO district list (Mã TP, Tỉnh / Thành Phố). */
function gsoProvinces(): Map<string, string> {
  const url = sharedPath('data', 'admin-units', 'gso-legacy-districts-2025-07-18.csv');
  const rows = readFileSync(url, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((r) => r.trim() !== '');
  return new Map(rows.map((r) => r.split(',')).map((c) => [`0${c[4] ?? ''}`, c[5] ?? '']));
}

describe('ID_PROVINCE_CODES', () => {
  it.runIf(hasShared('data', 'admin-units', 'gso-legacy-districts-2025-07-18.csv'))('holds the 63 pre-2025 provinces of the GSO list, with their names', () => {
    const gso = gsoProvinces();
    expect(Object.keys(ID_PROVINCE_CODES)).toHaveLength(63);
    expect(Object.keys(ID_PROVINCE_CODES).sort()).toEqual([...gso.keys()].sort());
    for (const [code, name] of Object.entries(ID_PROVINCE_CODES)) {
      const official = searchKey((gso.get(code) ?? '').replace(/^(Tỉnh|Thành phố) /, ''));
      expect(official, code).toContain(searchKey(name).replace(/^thua thien /, ''));
    }
  });
});

describe('idPlaceKind', () => {
  it('knows provinces, countries of birth, and neither', () => {
    expect(idPlaceKind('001')).toBe('province');
    expect(idPlaceKind('096')).toBe('province');
    expect(idPlaceKind('100')).toBe('abroad');
    expect(idPlaceKind('295')).toBe('abroad');
    for (const c of ['000', '003', '097', '099', '300', '999', '01', 'abc']) expect(idPlaceKind(c), c).toBeUndefined();
  });
});

describe('decodePersonalId', () => {
  it('reads place, sex and birth year', () => {
    expect(decodePersonalId('001085012345')).toEqual({ placeCode: '001', sex: 'male', birthYear: 1985 });
    expect(decodePersonalId('079301001234')).toEqual({ placeCode: '079', sex: 'female', birthYear: 2001 });
    expect(decodePersonalId('048199000001')).toEqual({ placeCode: '048', sex: 'female', birthYear: 1999 });
    expect(decodePersonalId('048200000001')).toEqual({ placeCode: '048', sex: 'male', birthYear: 2000 });
    expect(decodePersonalId(' 203085012345 ')).toEqual({ placeCode: '203', sex: 'male', birthYear: 1985 });
  });
  it('is undefined when the ID is not 12 digits', () => {
    for (const id of ['', '00108501234', '0010850123456', '001 085 012345', '00108501234a']) {
      expect(decodePersonalId(id)).toBeUndefined();
    }
  });
  it('round-trips sex and year for every century digit 0-3 and two-digit year', () => {
    for (let digit = 0; digit <= 3; digit++) {
      for (let yy = 0; yy <= 99; yy++) {
        const id = `001${digit}${String(yy).padStart(2, '0')}123456`;
        const decoded = decodePersonalId(id);
        expect(decoded?.sex).toBe(digit % 2 === 0 ? 'male' : 'female');
        expect(decoded?.birthYear).toBe((digit < 2 ? 1900 : 2000) + yy);
      }
    }
  });
});

describe('checkPersonalId', () => {
  it('accepts a well-formed ID that agrees with sex and birth year', () => {
    expect(checkPersonalId('001085012345')).toEqual([]);
    expect(checkPersonalId('001085012345', { sex: 'male', birthYear: 1985 })).toEqual([]);
    expect(checkPersonalId('079301001234', { sex: 'female', birthYear: 2001 })).toEqual([]);
    expect(checkPersonalId('101090000001')).toEqual([]);
  });
  it('refuses anything but 12 digits, and checks nothing else then', () => {
    for (const id of ['', '12345', '00108501234', '0010850123456', '001 085 012345', 'ABCDEFGHIJKL']) {
      const issues = checkPersonalId(id, { sex: 'female', birthYear: 1900 });
      expect(codes(issues), id).toEqual(['personal_id.format']);
      expect(issues[0]?.severity).toBe('ERROR');
      expect(issues[0]?.message).toContain('12 chữ số');
    }
  });
  it('refuses an unknown place code', () => {
    expect(codes(checkPersonalId('003085012345'))).toEqual(['personal_id.place_code']);
    expect(codes(checkPersonalId('300085012345'))).toEqual(['personal_id.place_code']);
    expect(codes(checkPersonalId('000085012345'))).toEqual(['personal_id.place_code']);
    expect(checkPersonalId('003085012345')[0]?.message).toContain('003');
  });
  it('reports a sex that disagrees with digit 4', () => {
    const issues = checkPersonalId('001085012345', { sex: 'female' });
    expect(codes(issues)).toEqual(['personal_id.sex_mismatch']);
    expect(issues[0]?.message).toMatch(/nam.*nữ/);
    expect(codes(checkPersonalId('001185012345', { sex: 'male' }))).toEqual(['personal_id.sex_mismatch']);
  });
  it('reports a birth year that disagrees with digits 4-6', () => {
    const issues = checkPersonalId('001085012345', { birthYear: 1986 });
    expect(codes(issues)).toEqual(['personal_id.birth_year_mismatch']);
    expect(issues[0]?.message).toContain('1985');
    expect(issues[0]?.message).toContain('1986');
    expect(codes(checkPersonalId('001085012345', { birthYear: 2085 }))).toEqual(['personal_id.birth_year_mismatch']);
    expect(codes(checkPersonalId('001285012345', { birthYear: 2085 }))).toEqual([]);
  });
  it('reports every problem at once', () => {
    expect(codes(checkPersonalId('005185012345', { sex: 'male', birthYear: 1990 }))).toEqual(['personal_id.place_code', 'personal_id.sex_mismatch', 'personal_id.birth_year_mismatch']);
  });
});

describe('checkOldIdCard', () => {
  it('accepts 9 digits, and 12 digits as a CCCD', () => {
    expect(checkOldIdCard('012345678')).toEqual([]);
    expect(checkOldIdCard(' 012345678 ')).toEqual([]);
    expect(checkOldIdCard('001085012345')).toEqual([]);
  });
  it('checks a 12-digit number like a personal ID', () => {
    expect(codes(checkOldIdCard('003085012345'))).toEqual(['personal_id.place_code']);
  });
  it('refuses other lengths and non-digits', () => {
    for (const no of ['', '12345678', '1234567890', '01234567X', '012 345 678']) {
      const issues = checkOldIdCard(no);
      expect(codes(issues), no).toEqual(['id_card.format']);
      expect(issues[0]?.message).toContain('9 chữ số');
    }
  });
});

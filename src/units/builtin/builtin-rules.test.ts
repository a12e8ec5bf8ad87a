/**
 * The pure rules of units/builtin on small hand-made cases: the packages'
 * names and kinds (the shared naming rule plus the guessed fallback) and the
 * spelling classes of the comparison. The shared rules have their own tests
 * beside them (../unit-code, ../unit-naming, ../main-successor,
 * ../province-successors).
 */
import { describe, expect, it } from 'vitest';
import { spellingReason } from './compare.js';
import { nameAndKind, namingWarnings } from './package-names.js';

describe('nameAndKind', () => {
  it('cleans the name and writes the kind word in official casing', () => {
    expect(nameAndKind(' Thành Phố  Long Khánh ', 'district')).toEqual({ name: 'Thành phố Long Khánh', kind: 'thanh_pho_thuoc_tinh', guessed: false });
    expect(nameAndKind('Thị Trấn NT Mộc Châu', 'commune').name).toBe('Thị trấn NT Mộc Châu');
  });

  it('puts the kind word of the place type in front of a bare name, and guesses without one', () => {
    expect(nameAndKind('Cao Bằng', 'province', 'Tỉnh')).toEqual({ name: 'Tỉnh Cao Bằng', kind: 'tinh', guessed: false });
    expect(nameAndKind('Thành phố Huế', 'province', 'Thành phố Trung Ương').kind).toBe('thanh_pho_tw');
    expect(nameAndKind('Cồn Cỏ', 'commune')).toEqual({ name: 'Cồn Cỏ', kind: 'xa', guessed: true });
  });

  it('warns about a guessed kind and a place type the name contradicts', () => {
    expect(namingWarnings('commune', '99999', nameAndKind('Cồn Cỏ', 'commune'))).toEqual(['Đơn vị cấp xã 99999 "Cồn Cỏ": không rõ loại đơn vị, tạm coi là Xã.']);
    expect(namingWarnings('province', '46', nameAndKind('Thành phố Huế', 'province', 'Tỉnh'))).toEqual([
      'Đơn vị cấp tỉnh 46 "Thành phố Huế": tên "Thành phố Huế" cho biết loại "Thành phố" nhưng cột loại ghi "Tỉnh"; lấy theo tên.',
    ]);
  });
});

describe('spellingReason', () => {
  it('tells case, tone placement, punctuation and diacritics apart', () => {
    expect(spellingReason('Nông Trường', 'Nông trường')).toBe('case');
    expect(spellingReason('Xã Tân Hoà', 'Xã Tân Hòa')).toBe('tone placement');
    expect(spellingReason('Xã Ea H’Leo', "Xã Ea H'Leo")).toBe('punctuation');
    expect(spellingReason('Xã Sập Vạt', 'Xã Sặp Vạt')).toBe('diacritics');
  });
});

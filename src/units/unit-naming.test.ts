/** The naming rule shared by the file formats and the built-in packages, on small hand-made cases. */
import { describe, expect, it } from 'vitest';
import { districtKind, nameUnit } from './unit-naming.js';

describe('nameUnit', () => {
  it('cleans the name and writes the kind word in official casing', () => {
    expect(nameUnit({ level: 'district', name: ' Thành Phố  Long Khánh ' })).toEqual({ ok: true, name: 'Thành phố Long Khánh', kind: 'thanh_pho_thuoc_tinh' });
    expect(nameUnit({ level: 'commune', name: 'Thị Trấn NT Mộc Châu' })).toMatchObject({ name: 'Thị trấn NT Mộc Châu' });
  });

  it('lets the kind word of the name win over the type column, with a doubt', () => {
    expect(nameUnit({ level: 'commune', name: 'Phường 5', type: 'Xã' })).toEqual({
      ok: true,
      name: 'Phường 5',
      kind: 'phuong',
      doubt: 'tên "Phường 5" cho biết loại "Phường" nhưng cột loại ghi "Xã"; lấy theo tên.',
    });
  });

  it('takes a type of the same word as a finer kind', () => {
    expect(nameUnit({ level: 'province', name: 'Thành phố Huế', type: 'Thành phố Trung Ương' })).toEqual({ ok: true, name: 'Thành phố Huế', kind: 'thanh_pho_tw' });
  });

  it('puts the word of the type column, else of the fallback, in front of a bare name', () => {
    expect(nameUnit({ level: 'province', name: 'Cao Bằng', type: 'Tỉnh' })).toEqual({ ok: true, name: 'Tỉnh Cao Bằng', kind: 'tinh' });
    expect(nameUnit({ level: 'province', name: 'Cao Bằng', fallback: 'tinh' })).toEqual({ ok: true, name: 'Tỉnh Cao Bằng', kind: 'tinh' });
  });

  it('gives no kind for a bare name without type or fallback', () => {
    expect(nameUnit({ level: 'commune', name: 'Cồn Cỏ' })).toMatchObject({ ok: false, reason: expect.stringContaining('"Cồn Cỏ"') as unknown });
  });
});

describe('districtKind', () => {
  it('makes a "Thành phố" district of a centrally-run city a city of that city', () => {
    expect([districtKind('thanh_pho_thuoc_tinh', 'thanh_pho_tw'), districtKind('thanh_pho_thuoc_tinh', 'tinh'), districtKind('quan', 'thanh_pho_tw')]).toEqual([
      'thanh_pho_thuoc_tw',
      'thanh_pho_thuoc_tinh',
      'quan',
    ]);
  });
});

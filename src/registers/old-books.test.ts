/**
 * What old books need from the rules (issue 12): deadlines judged by the law
 * of the registration date, lunar dates in date fields, look-alike letters
 * and legacy fonts offered a fix, code fields keyed as an alias.
 */
import { describe, expect, it } from 'vitest';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { BIRTH_DEADLINES, DEATH_DEADLINES, eraOn, isCommuneAuthority, validateRecord, type Finding } from './index.js';

const TODAY = new Date('2026-11-25T12:00:00');
const ks = (changes: Record<string, string | undefined>) => validateRecord('KS', patchValues(CLEAN_KS_RECORD, changes), { today: TODAY });
const on = (fs: Finding[], path: string) => fs.filter((f) => f.path === path);
const codes = (fs: Finding[]) => fs.map((f) => `${f.path}:${f.code}`);

/** A 1998 birth book: parents' years only, no ID papers. */
const KS_1998 = {
  ngayDangKy: '15.12.1998',
  nksNgaySinh: '16.09.1998',
  nksNgaySinhBangChu: undefined,
  meNgaySinh: '1972',
  chaNgaySinh: '1970',
  quyenSo: '01/1998',
};

describe('deadlines by era (deadlines.ts)', () => {
  it('each era names its source, and eras follow each other without a gap', () => {
    for (const eras of [BIRTH_DEADLINES, DEATH_DEADLINES]) {
      for (const e of eras) expect(e.source).toMatch(/Luật|Nghị định|Điều lệ/);
      for (let i = 1; i < eras.length; i++) {
        const [d, m, y] = eras[i - 1]!.to!.split('.').map(Number);
        const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
        expect(eras[i]!.from).toBe(`${String(next.getUTCDate()).padStart(2, '0')}.${String(next.getUTCMonth() + 1).padStart(2, '0')}.${next.getUTCFullYear()}`);
      }
    }
  });

  it('picks the era in force on the registration date', () => {
    const era = (d: string) => eraOn(BIRTH_DEADLINES, { year: Number(d.slice(6)), month: Number(d.slice(3, 5)), day: Number(d.slice(0, 2)), precision: 'day' });
    expect(era('15.12.1998')?.source).toMatch(/83\/1998/);
    expect(era('24.10.1998')?.source).toMatch(/04\/CP/);
    expect(era('31.03.2006')?.days).toBe(30);
    expect(era('01.04.2006')?.days).toBe(60);
    expect(era('01.01.2016')?.source).toMatch(/Luật Hộ tịch 2014/);
    expect(era('01.01.1950')).toBeUndefined();
  });

  it('a 1998 birth registered 90 days late is judged by the rules of 1998, not 2014', () => {
    const late = on(ks({ ...KS_1998, loaiDangKy: '1' }), 'loaiDangKy');
    expect(late).toEqual([expect.objectContaining({ severity: 'WARNING', code: 'ks.on_time_but_late' })]);
    expect(late[0]!.message).toMatch(/90 ngày/);
    expect(late[0]!.message).toMatch(/Nghị định 83\/1998\/NĐ-CP, Điều 18/);
    expect(late[0]!.message).not.toMatch(/2014/);
    expect(on(ks({ ...KS_1998, loaiDangKy: '4' }), 'loaiDangKy')).toEqual([]);
  });

  it('45 days "quá hạn" is right in 1998 (30 days) and would not be under NĐ 158/2005 (60 days)', () => {
    const at45 = { ...KS_1998, nksNgaySinh: '31.10.1998' };
    expect(on(ks({ ...at45, loaiDangKy: '4' }), 'loaiDangKy')).toEqual([]);
    expect(codes(ks({ ...at45, loaiDangKy: '1' }))).toContain('loaiDangKy:ks.on_time_only_elsewhere');
    const in2008 = { ngayDangKy: '15.10.2008', nksNgaySinh: '31.08.2008' };
    expect(codes(ks({ ...in2008, loaiDangKy: '4' }))).toContain('loaiDangKy:ks.late_but_on_time');
  });

  it('a birth registered in 1985 is held to the 1961 Điều lệ (30 days)', () => {
    const old = { ...KS_1998, ngayDangKy: '20.03.1985', nksNgaySinh: '10.02.1985', quyenSo: '01/1985', meNgaySinh: '1960', chaNgaySinh: '1958' };
    const f = on(ks({ ...old, loaiDangKy: '1' }), 'loaiDangKy');
    expect(f[0]?.message).toMatch(/30 ngày theo Điều lệ đăng ký hộ tịch ban hành kèm Nghị định 04\/CP/);
    expect(f[0]?.message).toMatch(/miền Bắc/);
  });

  it('deaths under NĐ 83/1998: 48 hours in a town, 15 days in a commune', () => {
    const kt = (noiDangKy: string, loaiDangKy: string) =>
      validateRecord(
        'KT',
        {
          so: '3',
          quyenSo: '01/2003',
          ngayDangKy: '12.03.2003',
          loaiDangKy,
          noiDangKy,
          nktHoTen: 'Nguyễn Văn An',
          nktGioiTinh: '1',
          nktNgaySinh: '1930',
          nktDanToc: 'Kinh',
          nktQuocTich: 'Việt Nam',
          nktNgayChet: '02.03.2003',
          nktNoiChet: 'Tại nhà',
        },
        { today: TODAY },
      ).filter((f) => f.path === 'loaiDangKy');
    expect(kt('UBND xã Cù Vân, huyện Đại Từ', '1')).toEqual([]);
    expect(kt('UBND thị trấn Hùng Sơn', '1')).toEqual([expect.objectContaining({ code: 'kt.on_time_only_elsewhere' })]);
    expect(kt('UBND thị xã Sông Công', '1')[0]?.message).toMatch(/48 giờ/);
    expect(isCommuneAuthority('UBND thị xã Sông Công')).toBe(false);
  });
});

describe('lunar dates in date fields', () => {
  it('are valid, kept as keyed, with an INFO naming the solar day; rules use the solar day', () => {
    const f = ks({ ...KS_1998, ngayDangKy: '20.02.1985', nksNgaySinh: 'mùng 5 tháng Giêng năm Ất Sửu', loaiDangKy: '1', quyenSo: '01/1985', meNgaySinh: '1960', chaNgaySinh: '1958' });
    const info = on(f, 'nksNgaySinh');
    expect(info).toEqual([expect.objectContaining({ severity: 'INFO', code: 'lunar.converted' })]);
    expect(info[0]!.message).toMatch(/25\.01\.1985/);
    expect(info[0]!.message).toMatch(/năm đăng ký 1985/);
    expect(on(f, 'loaiDangKy')).toEqual([]); // 26 days: on time by the 1961 Điều lệ
  });

  it('a Can Chi year outside the event date is a WARNING listing the candidates', () => {
    const f = on(ks({ meNgaySinh: 'năm Canh Tý' }), 'meNgaySinh');
    expect(f).toEqual([expect.objectContaining({ severity: 'WARNING', code: 'lunar.year_ambiguous' })]);
    expect(f[0]!.message).toMatch(/1900.*1960.*2020/);
  });

  it('an impossible lunar date is an ERROR with a Vietnamese reason', () => {
    const f = on(ks({ nksNgaySinh: '30 tháng Chạp năm Giáp Thìn 2024', ngayDangKy: '01.03.2025', quyenSo: '01/2025' }), 'nksNgaySinh');
    expect(f).toEqual([expect.objectContaining({ severity: 'ERROR', code: 'lunar.day_not_in_month' })]);
  });

  it('a lunar date after the registration breaks the order rule like a solar one', () => {
    expect(codes(ks({ nksNgaySinh: 'mùng 1 tháng 10 năm Mậu Tý 2008' }))).toContain('nksNgaySinh:date.born_after_registration');
  });
});

describe('text problems offer a fix', () => {
  it('Ð in a name is an ERROR with the corrected name', () => {
    expect(on(ks({ nksHoTen: '\u00D0ặng Anh Đài' }), 'nksHoTen')).toEqual([
      expect.objectContaining({ severity: 'ERROR', code: 'text.lookalike', fix: { value: 'Đặng Anh Đài', label: 'Sửa thành: Đặng Anh Đài' } }),
    ]);
  });
  it('a TCVN3 name is an ERROR with its Unicode form', () => {
    expect(on(ks({ meHoTen: 'NguyÔn ThÞ Lan' }), 'meHoTen')[0]?.fix?.value).toBe('Nguyễn Thị Lan');
  });
  it('a control character is an ERROR naming its position', () => {
    expect(on(ks({ nksNoiSinh: 'Trạm y tế\u0001 xã' }), 'nksNoiSinh')[0]).toMatchObject({ code: 'text.forbidden_character', severity: 'ERROR' });
  });
});

describe('code fields keyed as an alias', () => {
  it('"Nam" for the sex is a WARNING offering code 1, and the rules read code 1', () => {
    const f = on(ks({ nksGioiTinh: 'Nam giới' }), 'nksGioiTinh');
    expect(f).toEqual([expect.objectContaining({ severity: 'WARNING', code: 'code.alias', fix: { value: '1', label: 'Dùng mã chuẩn: 1 – Nam' } })]);
    expect(codes(ks({ nksLoaiKhaiSinh: '03', chaHoTen: undefined, chaNgaySinh: undefined, chaDanToc: undefined, chaQuocTich: undefined }))).toEqual(['nksLoaiKhaiSinh:code.alias']);
  });
  it('an unknown code stays an ERROR', () => expect(on(ks({ nksGioiTinh: 'X' }), 'nksGioiTinh')[0]?.code).toBe('code.invalid'));
});

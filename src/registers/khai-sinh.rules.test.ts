/**
 * DOMAIN.md §2.1, one rule at a time on the birth register: a record that
 * passes each rule and one that breaks it.
 */
import { describe, expect, it } from 'vitest';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { validateRecord, type Finding } from './index.js';

const TODAY = new Date('2026-11-25T12:00:00');

const BASE: Record<string, string> = { ...CLEAN_KS_RECORD };

function check(changes: Record<string, string | number | undefined>, type = 'KS'): Finding[] {
  return validateRecord(type, patchValues<unknown>(BASE, changes), { today: TODAY });
}

const codes = (fs: Finding[]) => fs.map((f) => `${f.path}:${f.code}`);

function expectClean(changes: Record<string, string | number | undefined>) {
  expect(codes(check(changes))).toEqual([]);
}

function expectFinding(changes: Record<string, string | number | undefined>, path: string, code: string, severity?: Finding['severity']) {
  const found = check(changes).filter((f) => f.path === path && f.code === code);
  expect(found, codes(check(changes)).join(', ')).toHaveLength(1);
  if (severity) expect(found[0]!.severity).toBe(severity);
  expect(found[0]!.message).toMatch(/[à-ỹ]/); // Vietnamese
}

describe('KS base record', () => {
  it('has no findings', () => expectClean({}));
  it('on the 60-column layout too', () => expect(codes(check({}, 'KS-60'))).toEqual([]));
});

describe('§2.1 encoding', () => {
  it('accepts NFD input (it is normalised to NFC)', () => expectClean({ nksHoTen: 'Phạm Anh Đài'.normalize('NFD') }));
  it('accepts extra whitespace (trimmed and collapsed)', () => expectClean({ nksHoTen: '  Phạm   Anh\tĐài ' }));
  it('rejects text typed in TCVN3 (ABC)', () => {
    const f = check({ nksHoTen: 'NguyÔn ThÞ H­¬ng' }).find((x) => x.path === 'nksHoTen');
    expect(f?.severity).toBe('ERROR');
  });
  it('rejects text typed in VNI', () => {
    const f = check({ meHoTen: 'Nguyeãn Thò Höông' }).find((x) => x.path === 'meHoTen');
    expect(f?.severity).toBe('ERROR');
  });
  it('warns when an ID-like column arrives as a number (a leading zero may be lost)', () => {
    expectFinding({ nksSoDinhDanh: 1208012345 }, 'nksSoDinhDanh', 'value.not_text', 'WARNING');
    expectClean({ nksSoDinhDanh: '079208012345', nksNgaySinh: '01.09.2008', nksGioiTinh: '1' });
  });
});

describe('§2.1 dates', () => {
  it('accepts dd.mm.yyyy, mm.yyyy and yyyy', () => {
    expectClean({ meNgaySinh: '07.12.1977' });
    expectClean({ meNgaySinh: '12.1977' });
    expectClean({ meNgaySinh: '1977' });
  });
  it('rejects a day that is not in the month', () => expectFinding({ meNgaySinh: '31.02.1981' }, 'meNgaySinh', 'date.impossible', 'ERROR'));
  it('rejects an implausible year such as 5005', () => {
    const f = check({ meNgaySinh: '5005' }).find((x) => x.path === 'meNgaySinh');
    expect(f?.severity).toBe('ERROR');
    expect(f?.code).toMatch(/^date\./);
  });
  it('rejects a date in the future', () => {
    expectFinding({ ngayDangKy: '01.12.2026', loaiDangKy: '4' }, 'ngayDangKy', 'date.future', 'ERROR');
    expectFinding({ ngayDangKy: '01.01.2027', loaiDangKy: '4' }, 'ngayDangKy', 'date.year_out_of_range', 'ERROR');
  });
  it('a month or year that includes today is not in the future', () => {
    expectClean({ nksNgaySinh: '2026', ngayDangKy: '11.2026', loaiDangKy: '6', meNgaySinh: '1995', chaNgaySinh: '1990' });
  });
  it('rejects text that is not a date', () => {
    const f = check({ nksNgaySinh: 'mùng 5 tháng Giêng' }).find((x) => x.path === 'nksNgaySinh');
    expect(f?.severity).toBe('ERROR');
  });
});

describe('§2.1 ordering', () => {
  it('birth after registration is an error', () => expectFinding({ nksNgaySinh: '01.11.2008' }, 'nksNgaySinh', 'date.born_after_registration', 'ERROR'));
  it('a year-only birth in the registration year is not an error', () => expectClean({ nksNgaySinh: '2008', loaiDangKy: '6' }));
  it('a mother aged 9 at the birth is a warning', () => expectFinding({ meNgaySinh: '1999' }, 'meNgaySinh', 'ks.parent_age', 'WARNING'));
  it('a parent born after the child is a warning', () => expectFinding({ chaNgaySinh: '2009' }, 'chaNgaySinh', 'ks.parent_age', 'WARNING'));
  it('a mother aged 27 is fine', () => expectClean({ meNgaySinh: '1981' }));
});

describe('§2.1 registration type vs deadline (warnings only)', () => {
  it('"đúng hạn" registered after 60 days warns', () => expectFinding({ nksNgaySinh: '01.07.2008' }, 'loaiDangKy', 'ks.on_time_but_late', 'WARNING'));
  it('"quá hạn" registered within 60 days warns', () => expectFinding({ loaiDangKy: '4' }, 'loaiDangKy', 'ks.late_but_on_time', 'WARNING'));
  it('"quá hạn" after 60 days is fine', () => expectClean({ loaiDangKy: '4', nksNgaySinh: '01.07.2008' }));
  it('"đăng ký lại" for a birth from 2016 on warns', () =>
    expectFinding({ loaiDangKy: '2', nksNgaySinh: '01.03.2016', ngayDangKy: '01.02.2020' }, 'loaiDangKy', 'ks.re_registration_after_2016', 'WARNING'));
  it('"đăng ký lại" for an older birth is fine', () => expectClean({ loaiDangKy: '2', nksNgaySinh: '01.03.1995', ngayDangKy: '01.02.2020', meNgaySinh: '1970', chaNgaySinh: '1968' }));
  it('"không xác định" (6) is accepted', () => expectClean({ loaiDangKy: '6' }));
  it('registration abroad (3) requires the foreign block', () => {
    expectFinding({ loaiDangKy: '3' }, 'soDangKyNuocNgoai', 'field.required', 'ERROR');
    expectClean({
      loaiDangKy: '3',
      soDangKyNuocNgoai: '1234/2008',
      ngayDangKyNuocNgoai: '15.09.2008',
      cqNuocNgoaiDaDangKy: 'Tòa thị chính Kanagawa',
      qgNuocNgoaiDaDangKy: 'Nhật Bản',
    });
  });
});

describe('§2.1 parentage vs nksLoaiKhaiSinh', () => {
  const noFather = { chaHoTen: undefined, chaNgaySinh: undefined, chaDanToc: undefined, chaQuocTich: undefined };
  const noMother = { meHoTen: undefined, meNgaySinh: undefined, meDanToc: undefined, meQuocTich: undefined };
  it('1 needs both parents', () => expectFinding({ ...noFather }, 'chaHoTen', 'field.required', 'ERROR'));
  it('3 (father unknown) with no father is fine — and legal', () => expectClean({ nksLoaiKhaiSinh: '3', ...noFather }));
  it('3 with a father is an error', () => expectFinding({ nksLoaiKhaiSinh: '3' }, 'chaHoTen', 'field.must_be_empty', 'ERROR'));
  it('2 (mother unknown) with a mother is an error', () => expectFinding({ nksLoaiKhaiSinh: '2' }, 'meHoTen', 'field.must_be_empty', 'ERROR'));
  it('2 without a mother is fine', () => expectClean({ nksLoaiKhaiSinh: '2', ...noMother }));
  it('4 and 5 need both blocks empty', () => {
    expectClean({ nksLoaiKhaiSinh: '4', ...noMother, ...noFather });
    expectClean({ nksLoaiKhaiSinh: '5', ...noMother, ...noFather });
    expectFinding({ nksLoaiKhaiSinh: '5', ...noFather }, 'meHoTen', 'field.must_be_empty', 'ERROR');
  });
});

describe('§2.1 personal ID vs sex and birth year', () => {
  it('a consistent 12-digit ID passes', () => expectClean({ nksSoDinhDanh: '079208012345' }));
  it('a wrong length fails', () => expectFinding({ nksSoDinhDanh: '07920801234' }, 'nksSoDinhDanh', 'personal_id.format', 'ERROR'));
  it('a female century digit for a boy fails', () => expectFinding({ nksSoDinhDanh: '079308012345' }, 'nksSoDinhDanh', 'personal_id.sex_mismatch', 'ERROR'));
  it('another birth year fails', () => expectFinding({ nksSoDinhDanh: '079209012345' }, 'nksSoDinhDanh', 'personal_id.birth_year_mismatch', 'ERROR'));
  it("the mother's ID is checked against her birth year, and against her sex (a mother is a woman)", () => {
    expectClean({ meSoDinhDanhCaNhan: '001181012345' });
    expectFinding({ meSoDinhDanhCaNhan: '001180012345' }, 'meSoDinhDanhCaNhan', 'personal_id.birth_year_mismatch', 'ERROR');
    expectFinding({ meSoDinhDanhCaNhan: '001081012345' }, 'meSoDinhDanhCaNhan', 'personal_id.sex_mismatch', 'ERROR');
    expectFinding({ chaSoDinhDanhCaNhan: '001179012345' }, 'chaSoDinhDanhCaNhan', 'personal_id.sex_mismatch', 'ERROR');
  });
  it('an old 9-digit CMND is accepted as an ID document', () => expectClean({ meLoaiGiayToTuyThan: '1', meSoGiayToTuyThan: '165415511' }));
  it('a CMND of 10 digits is not', () => {
    const f = check({ meLoaiGiayToTuyThan: '1', meSoGiayToTuyThan: '1654155110' }).find((x) => x.path === 'meSoGiayToTuyThan');
    expect(f?.severity).toBe('ERROR');
  });
});

describe('§2.1 sex and code lists', () => {
  it('sex 1, 2, 3 are accepted', () => {
    expectClean({ nksGioiTinh: '2' });
    expectClean({ nksGioiTinh: '3' });
  });
  it('sex 4 or "Nam" is an error listing the valid codes', () => {
    expectFinding({ nksGioiTinh: '4' }, 'nksGioiTinh', 'code.invalid', 'ERROR');
    const f = check({ nksGioiTinh: 'Nam' }).find((x) => x.path === 'nksGioiTinh');
    expect(f?.message).toContain('1 (Nam)');
  });
  it('loaiDangKy outside 1..6 is an error', () => expectFinding({ loaiDangKy: '7' }, 'loaiDangKy', 'code.invalid', 'ERROR'));
});

describe('§2.1 ethnicity and nationality', () => {
  it('canonical names pass, case and diacritics aside', () => {
    expectClean({ nksDanToc: 'Ba Na' });
    expectClean({ meQuocTich: 'Nhật Bản' });
  });
  it('an old ethnonym maps to the canonical group with a warning', () => expectFinding({ nksDanToc: 'Mèo' }, 'nksDanToc', 'ethnicity.alias', 'WARNING'));
  it('an unknown ethnic group is an error', () => expectFinding({ nksDanToc: 'Người sao Hỏa' }, 'nksDanToc', 'ethnicity.unknown', 'ERROR'));
  it('an unknown nationality is an error', () => {
    const f = check({ nksQuocTich: 'Atlantis' }).find((x) => x.path === 'nksQuocTich');
    expect(f?.severity).toBe('ERROR');
  });
});

describe('§2.1 names and date in words', () => {
  it('keeps old tone placement as written (no finding)', () => expectClean({ nksHoTen: 'Nguyễn Thị Thuý Hoà', nksGioiTinh: '2' }));
  it('a name with digits is an error', () => expectFinding({ nksHoTen: 'Phạm Anh 2' }, 'nksHoTen', 'name.digits', 'ERROR'));
  it('date in words that agrees passes', () => expectClean({ nksNgaySinhBangChu: 'Ngày Một Tháng Chín Năm Hai Nghìn Không Trăm Linh Tám' }));
  it('date in words that names another day warns', () =>
    expectFinding({ nksNgaySinhBangChu: 'Ngày Hai Tháng Chín Năm Hai Nghìn Không Trăm Linh Tám' }, 'nksNgaySinhBangChu', 'date_words.mismatch', 'WARNING'));
});

describe('required fields and unknown columns', () => {
  it('a missing required field is an error', () => expectFinding({ so: undefined }, 'so', 'field.required', 'ERROR'));
  it('an empty string counts as missing', () => expectFinding({ nksNoiSinh: '  ' }, 'nksNoiSinh', 'field.required', 'ERROR'));
  it('an unknown column is reported, not dropped', () => expectFinding({ tenLa: 'x' }, 'tenLa', 'field.unknown', 'WARNING'));
  it('an unknown register type is a Vietnamese error', () => expect(() => validateRecord('XX', {})).toThrow(/Loại sổ "XX"/));
});

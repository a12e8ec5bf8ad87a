import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { cleanText, detectLegacyEncoding, legacyEncodingIssue, nfc } from './text.js';

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Lương',
  'Ưng',
  'Âu',
  'Ông',
  'Từ',
  'Lưu',
  'Kiều',
  'Khúc',
  'Quách',
  'Mạc',
];
const MIDDLES = ['Thị', 'Văn', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Thùy', 'Thuỳ', 'Khánh', 'Diệu', 'Bảo'];
const GIVEN = [
  'Hương',
  'Hường',
  'Hòa',
  'Hoà',
  'Thúy',
  'Thuý',
  'Khỏe',
  'Khoẻ',
  'Quý',
  'Quỳnh',
  'Nguyệt',
  'Tuyết',
  'Uyên',
  'Huyền',
  'Yến',
  'Ánh',
  'Đào',
  'Liễu',
  'Phượng',
  'Trường',
  'Dũng',
  'Cường',
  'Thoại',
  'Toàn',
  'Vượng',
  'Hưởng',
  'Khuê',
  'Duyên',
  'Trâm',
  'Thắm',
  'Oanh',
  'Hoằng',
  'Ngoạn',
  'Khuyến',
  'Huỳnh',
  'Quyết',
  'Giang',
  'Giữ',
  'Xoan',
  'Ngoãn',
  'Thuở',
  'Bưởi',
  'Quế',
  'Tỏa',
  'Thủy',
  'Thuỷ',
  'Ửng',
  'Ẩn',
  'Ý',
  'Ỷ',
  'Ngữ',
  'Nhẫn',
  'Sĩ',
  'Kỳ',
  'Mỹ',
  'Lộc',
  'Phúc',
];

/** A few hundred realistic full names: every surname with rotating middle and given names. */
function sampleNames(): string[] {
  const names: string[] = [];
  for (let i = 0; i < 400; i++) {
    const surname = SURNAMES[i % SURNAMES.length] ?? '';
    const middle = MIDDLES[(i * 7) % MIDDLES.length] ?? '';
    const given = GIVEN[(i * 13) % GIVEN.length] ?? '';
    names.push(`${surname} ${middle} ${given}`);
  }
  return names;
}

const ADDRESSES = [
  'Số 12, ngõ 34, đường Nguyễn Trãi, phường Thượng Đình, quận Thanh Xuân, thành phố Hà Nội',
  'Thôn Đông, xã Khánh Hòa, huyện Yên Khánh, tỉnh Ninh Bình',
  'Ấp Phước Lợi, xã Phước Hưng, huyện Long Điền, tỉnh Bà Rịa - Vũng Tàu',
  'Buôn Ea Khit, xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk',
  'Bản Nà Khoang, xã Mường Khương, huyện Mường Khương, tỉnh Lào Cai',
  'Khóm 3, phường 7, thành phố Cà Mau, tỉnh Cà Mau',
  'Tổ dân phố Quyết Thắng, thị trấn Ea Súp, huyện Ea Súp',
  'Làng Plei Ơi, xã Ia Pếch, huyện Ia Grai, tỉnh Gia Lai',
  'Xóm Rượu, xã Nghĩa Hưởng, huyện Nghĩa Hưng, tỉnh Nam Định',
  'Khuê Trung, quận Cẩm Lệ, thành phố Đà Nẵng; Kon Plông, Kon Tum; Krông Búk',
];

const FOREIGN = ['Søren Kjær', 'Müller', 'José García', 'François', 'Zoë', 'Raphaël', 'Hélène Noël', 'Peña', 'André'];

function communeNames(): string[] {
  const url = sharedPath('data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv');
  const lines = readFileSync(url, 'utf8').split(/\r?\n/).slice(1);
  return lines.filter((l) => l.trim() !== '').map((l) => l.split(',').slice(1, 8).join(', '));
}

describe('nfc', () => {
  it('composes decomposed Vietnamese', () => {
    const nfd = 'Nguyễn Thị Hoà'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hoà');
    expect(nfc(nfd)).toBe('Nguyễn Thị Hoà');
  });
});

describe('cleanText', () => {
  it('trims and collapses every kind of whitespace', () => {
    expect(cleanText('  Nguyễn\u00A0\u00A0Văn \t\n An  ')).toBe('Nguyễn Văn An');
    expect(cleanText('Lê\r\nThị\u2003Hà')).toBe('Lê Thị Hà');
  });
  it('drops zero-width characters and a BOM', () => {
    expect(cleanText('\uFEFFNguy\u200Bễn')).toBe('Nguyễn');
  });
  it('returns NFC', () => {
    expect(cleanText(' Thuý '.normalize('NFD'))).toBe('Thuý'.normalize('NFC'));
  });
  it('gives an empty string for blank input', () => {
    expect(cleanText(' \u00A0\t ')).toBe('');
  });
});

describe('detectLegacyEncoding', () => {
  it('recognises TCVN3 (ABC) mojibake', () => {
    const found = detectLegacyEncoding('NguyÔn ThÞ H\u00AD¬ng');
    expect(found?.encoding).toBe('TCVN3');
    expect(found?.message).toContain('TCVN3');
    expect(found?.message).toContain('Unicode');
  });
  it.each(['§µo V¨n Hïng', 'Hµ Néi', 'Tr\u00ADêng Tr\u00AD¬ng', 'x· Kh¸nh Hßa', 'B¶o Th¾ng', 'M\u00ADêng Kh\u00AD¬ng'])('recognises TCVN3 in "%s"', (s) =>
    expect(detectLegacyEncoding(s)?.encoding).toBe('TCVN3'),
  );
  it('recognises TCVN3 typed with the upper-case .VnTimeH font', () => {
    expect(detectLegacyEncoding('NGUYÔN V¡N AN')?.encoding).toBe('TCVN3');
  });
  it('recognises VNI mojibake', () => {
    const found = detectLegacyEncoding('Nguyeãn Thò Höông');
    expect(found?.encoding).toBe('VNI');
    expect(found?.message).toContain('VNI');
  });
  it.each(['Traàn Vaên Ñaøo', 'Phaïm Thò Hoaøng', 'Quaän Hai Baø Tröng', 'Thaønh phoá Hoà Chí Minh'])('recognises VNI in "%s"', (s) => expect(detectLegacyEncoding(s)?.encoding).toBe('VNI'));
  it('does not flag plain ASCII', () => {
    for (const s of ['Nguyen Van An', 'So 12 ngo 34', 'abc DEF 123', '', '   ']) {
      expect(detectLegacyEncoding(s)).toBeUndefined();
    }
  });
  it('does not flag a few hundred realistic Unicode names, in any case or form', () => {
    const names = sampleNames();
    expect(names.length).toBeGreaterThanOrEqual(300);
    for (const name of names) {
      for (const form of [name, name.toUpperCase(), name.normalize('NFD')]) {
        expect(detectLegacyEncoding(form), form).toBeUndefined();
      }
    }
  });
  it('does not flag realistic addresses or foreign names', () => {
    for (const s of [...ADDRESSES, ...FOREIGN]) expect(detectLegacyEncoding(s), s).toBeUndefined();
  });
  it.runIf(hasShared('data', 'admin-units', 'gso-legacy-communes-2025-07-18.csv'))('does not flag any of the ~10,000 GSO commune, district and province names', () => {
    const rows = communeNames();
    expect(rows.length).toBeGreaterThan(10_000);
    const flagged = rows.filter((r) => detectLegacyEncoding(r) !== undefined);
    expect(flagged).toEqual([]);
  });
});

describe('legacyEncodingIssue', () => {
  it('is an ERROR with a stable code', () => {
    const issue = legacyEncodingIssue('NguyÔn V¨n An');
    expect(issue).toMatchObject({ code: 'text.legacy_encoding', severity: 'ERROR' });
    expect(issue?.message).toMatch(/bảng mã TCVN3/);
  });
  it('is undefined for correct Unicode', () => {
    expect(legacyEncodingIssue('Nguyễn Văn An')).toBeUndefined();
  });
});

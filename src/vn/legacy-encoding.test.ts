import { describe, expect, it } from 'vitest';
import { decodeLegacyText, decodeTcvn3, decodeVni } from './legacy-encoding.js';

describe('decodeTcvn3', () => {
  // Pairs seen in the wild (PDF tables, GIS labels), not derived from our table.
  it.each([
    ['NguyÔn ThÞ H\u00AD¬ng', 'Nguyễn Thị Hương'],
    ['B¶o Th¾ng', 'Bảo Thắng'],
    ['M\u00ADêng Kh\u00AD¬ng', 'Mường Khương'],
    ['B¸t X¸t', 'Bát Xát'],
    ['G¹o tÎ gi·', 'Gạo tẻ giã'],
    ['§µo V¨n Hïng', 'Đào Văn Hùng'],
    ['Hµ Néi', 'Hà Nội'],
  ])('%s -> %s', (legacy, unicode) => {
    expect(decodeTcvn3(legacy)).toBe(unicode);
  });
  it('keeps ASCII as it is', () => {
    expect(decodeTcvn3('Nguyen Van An 123')).toBe('Nguyen Van An 123');
  });
  it('covers every lower-case toned vowel and the seven marked base letters in both cases', () => {
    const decoded = new Set<string>();
    for (let b = 0xa1; b <= 0xfe; b++) decoded.add(decodeTcvn3(String.fromCharCode(b)));
    const tones = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const toned = [...'aăâeêioôơuưy'].flatMap((v) => tones.map((t) => (v + t).normalize('NFC')));
    const expected = [...toned, ...'ăâêôơưđ', ...'ĂÂÊÔƠƯĐ'];
    expect(expected).toHaveLength(74);
    expect(expected.filter((letter) => !decoded.has(letter))).toEqual([]);
  });
});

describe('decodeVni', () => {
  it.each([
    ['Nguyeãn Thò Höông', 'Nguyễn Thị Hương'],
    ['Traàn Vaên Ñaøo', 'Trần Văn Đào'],
    ['Phaïm Thò Hoaøng', 'Phạm Thị Hoàng'],
    ['Quaän Hai Baø Tröng', 'Quận Hai Bà Trưng'],
    ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
    ['SUY THAÄN CAÁP', 'SUY THẬN CẤP'],
    ['ngöôøi', 'người'],
    ['röôïu', 'rượu'],
    ['ñaék laék', 'đắk lắk'],
    ['Æ', 'Ỉ'],
    ['kyû yeáu', 'kỷ yếu'],
  ])('%s -> %s', (legacy, unicode) => {
    expect(decodeVni(legacy)).toBe(unicode);
  });
  it('keeps ASCII as it is', () => {
    expect(decodeVni('Nguyen Van An')).toBe('Nguyen Van An');
  });
});

describe('decodeLegacyText', () => {
  it('dispatches on the encoding and returns NFC', () => {
    expect(decodeLegacyText('Hµ', 'TCVN3')).toBe('Hà');
    expect(decodeLegacyText('Haø', 'VNI')).toBe('Hà');
    expect(decodeLegacyText('Haø', 'VNI').normalize('NFC')).toBe(decodeLegacyText('Haø', 'VNI'));
  });
});

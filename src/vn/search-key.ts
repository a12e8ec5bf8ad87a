/**
 * Search keys: one lower-case ASCII form per name, so that case, diacritics,
 * đ/Đ, tone placement (Hoà/Hòa) and NFC/NFD differences never stop a match.
 * "Nguyễn Thị Thuý Hoà", "NGUYỄN THỊ THÚY HÒA" and "nguyen thi thuy hoa" all
 * give "nguyen thi thuy hoa".
 * Apostrophes are dropped ("H'Mông" -> "hmong"); any other non-alphanumeric
 * character separates words; letters with no ASCII base are dropped after a
 * few common foreign ones are spelled out (æ ø ß œ ł).
 */

/** Letters that NFD does not decompose. Ð/ð (Icelandic eth) is often typed for Đ/đ. */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  đ: 'd',
  ð: 'd',
  æ: 'ae',
  ø: 'o',
  ß: 'ss',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
};

const APOSTROPHES_RE = /['’ʼ‘`´]/g;

export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đðæøßœłı]/g, (ch) => SPELLED_OUT[ch] ?? '')
    .replace(APOSTROPHES_RE, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** searchKey without any spaces: "Khơ-me", "Khơ Me" and "Khơme" all give "khome". */
export function compactKey(s: string): string {
  return searchKey(s).replace(/ /g, '');
}

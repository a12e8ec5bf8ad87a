/**
 * Decoders for Vietnamese typed with legacy 8-bit fonts and read back as
 * Windows-1252 / Latin-1 text.
 * - TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts ".VnTime"): one byte per
 *   letter in 0xA1–0xFE, lower-case only; upper case came from a separate
 *   font (".VnTimeH") with the same bytes, so decoding gives lower case there.
 * - VNI (VNI-Windows, "VNI-Times"): a base letter followed by a mark byte
 *   ("aø" = à, "eã" = ễ), plus single bytes for ư ơ đ and the toned i / ỵ.
 * Used to detect such text (text.ts) and to offer a conversion.
 */

export type LegacyEncoding = 'TCVN3' | 'VNI';

/** Runs of consecutive TCVN3 byte values and the letters they encode. */
const TCVN3_RUNS: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'ĂÂÊÔƠƯĐăâêôơưđ'],
  [0xb5, 'àảãáạ'],
  [0xbb, 'ằẳẵắ'],
  [0xc6, 'ặầẩẫấậè'],
  [0xce, 'ẻẽéẹềểễếệìỉ'],
  [0xdc, 'ĩíịò'],
  [0xe1, 'ỏõóọồổỗốộờởỡớợù'],
  [0xf1, 'ủũúụừửữứựỳỷỹýỵ'],
];

function buildTcvn3Map(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [start, letters] of TCVN3_RUNS) {
    [...letters].forEach((letter, i) => map.set(String.fromCharCode(start + i), letter));
  }
  map.set('\u03BC', 'à'); // Greek mu: what some PDF/OCR tools report for 0xB5
  return map;
}

const TCVN3_MAP = buildTcvn3Map();

export function decodeTcvn3(s: string): string {
  return Array.from(s, (ch) => TCVN3_MAP.get(ch) ?? ch).join('');
}

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** VNI mark bytes (lower-case form) after a, e, o, u, y: the tone alone. */
const VNI_TONE: Readonly<Record<string, string>> = { ø: GRAVE, ù: ACUTE, û: HOOK, õ: TILDE, ï: DOT };
/** After a, e, o: circumflex plus an optional tone. */
const VNI_CIRCUMFLEX: Readonly<Record<string, string>> = {
  â: '',
  à: GRAVE,
  á: ACUTE,
  å: HOOK,
  ã: TILDE,
  ä: DOT,
};
/** After a: breve plus an optional tone. */
const VNI_BREVE: Readonly<Record<string, string>> = { ê: '', è: GRAVE, é: ACUTE, ú: HOOK, ü: TILDE, ë: DOT };
/** Single bytes standing for a whole letter (lower-case form). */
const VNI_SINGLE: Readonly<Record<string, string>> = {
  ö: 'ư',
  ô: 'ơ',
  ñ: 'đ',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
};

function marksAfterVowel(base: string, mark: string): string | undefined {
  const b = base.toLowerCase();
  const m = mark.toLowerCase();
  if ('aeouy'.includes(b) && VNI_TONE[m] !== undefined) return VNI_TONE[m];
  if ('aeo'.includes(b) && VNI_CIRCUMFLEX[m] !== undefined) return CIRCUMFLEX + VNI_CIRCUMFLEX[m];
  if (b === 'a' && VNI_BREVE[m] !== undefined) return BREVE + VNI_BREVE[m];
  return undefined;
}

function singleLetter(ch: string): string | undefined {
  const letter = VNI_SINGLE[ch.toLowerCase()];
  if (letter === undefined) return undefined;
  return ch === ch.toLowerCase() ? letter : letter.toUpperCase();
}

export function decodeVni(s: string): string {
  const chars = Array.from(s);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const next = chars[i + 1] ?? '';
    const single = singleLetter(ch);
    const base = single ?? ch;
    const marks = 'ươƯƠ'.includes(base) ? VNI_TONE[next.toLowerCase()] : marksAfterVowel(base, next);
    if (marks !== undefined && next !== '') {
      out += (base + marks).normalize('NFC');
      i++;
    } else {
      out += base;
    }
  }
  return out;
}

/** Converts legacy-font text to Unicode NFC. Only for text known to be in that encoding. */
export function decodeLegacyText(s: string, encoding: LegacyEncoding): string {
  return (encoding === 'TCVN3' ? decodeTcvn3(s) : decodeVni(s)).normalize('NFC');
}

/**
 * Casing of personal names. The MoJ template shows names in Title Case
 * ("Nguyễn Thị Đào"), the printed certificate in UPPER CASE (DOMAIN §2.1).
 * Both work on every Vietnamese letter (đ/Đ and all 134 toned vowels), give
 * NFC, and clean whitespace. Parts joined by a hyphen or an apostrophe are
 * capitalised each ("Y-Moan", "H'Hen").
 */
import { cleanText } from './text.js';

const PART_START_RE = /(^|[\s\-'’])(\p{L})/gu;

/** "NGUYỄN THỊ ĐÀO" -> "Nguyễn Thị Đào"; "phạm anh đài" -> "Phạm Anh Đài". */
export function titleCaseName(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .replace(PART_START_RE, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
    .normalize('NFC');
}

/** "Nguyễn Thị Đào" -> "NGUYỄN THỊ ĐÀO". */
export function upperCaseName(s: string): string {
  return cleanText(s).toUpperCase().normalize('NFC');
}

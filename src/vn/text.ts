/**
 * Text hygiene for everything keyed: NFC, whitespace cleaning, and detection
 * of text typed with legacy 8-bit Vietnamese fonts (TCVN3/ABC, VNI) that
 * shows up as mojibake ("NguyÔn ThÞ H­¬ng", "Nguyeãn Thò Höông").
 *
 * Detection is word by word: a word counts as evidence when it is NOT a
 * well-formed Vietnamese syllable as written, but becomes one once decoded
 * from the legacy encoding. Correct Unicode words are well-formed, and foreign
 * words (Søren, Müller) stay malformed after decoding, so neither is flagged.
 */
import { makeIssue, type VnIssue } from './finding.js';
import { decodeLegacyText, type LegacyEncoding } from './legacy-encoding.js';
import { isVietnameseSyllable } from './syllable.js';

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Invisible characters that are dropped outright (zero-width space/joiners, word joiner). */
const INVISIBLE_RE = /[\u200B-\u200D\u2060]/g;

/** NFC, trimmed, every whitespace run (spaces, NBSP, tabs, newlines…) collapsed to one space. */
export function cleanText(s: string): string {
  return nfc(s).replace(INVISIBLE_RE, '').replace(/\s+/g, ' ').trim();
}

export interface LegacyEncodingFinding {
  encoding: LegacyEncoding;
  message: string;
}

/** Words mixing ASCII letters with Latin-1 characters: the only ones a legacy font can produce. */
const TOKEN_RE = /[\p{L}\p{M}\u00A1-\u00FF]+/gu;

function suspectTokens(s: string): string[] {
  return (nfc(s).match(TOKEN_RE) ?? []).filter((t) => /[A-Za-z]/.test(t) && /[\u00A1-\u00FF]/.test(t));
}

function evidence(tokens: readonly string[], encoding: LegacyEncoding): [string, string][] {
  const found: [string, string][] = [];
  for (const token of tokens) {
    const decoded = decodeLegacyText(token, encoding);
    if (decoded !== token && !isVietnameseSyllable(token) && isVietnameseSyllable(decoded)) {
      found.push([token, decoded]);
    }
  }
  return found;
}

const ENCODING_LABEL: Record<LegacyEncoding, string> = { TCVN3: 'TCVN3 (ABC)', VNI: 'VNI' };

function legacyMessage(encoding: LegacyEncoding, example: [string, string]): string {
  return `Văn bản có vẻ được gõ bằng bảng mã ${ENCODING_LABEL[encoding]} cũ ` + `(ví dụ "${example[0]}" là "${example[1]}"); hãy chuyển sang Unicode dựng sẵn trước khi nhập`;
}

/** Recognises TCVN3/VNI mojibake; undefined for correct Unicode and for plain ASCII. */
export function detectLegacyEncoding(s: string): LegacyEncodingFinding | undefined {
  const tokens = suspectTokens(s);
  if (tokens.length === 0) return undefined;
  const tcvn3 = evidence(tokens, 'TCVN3');
  const vni = evidence(tokens, 'VNI');
  const [encoding, found] = vni.length > tcvn3.length ? (['VNI', vni] as const) : (['TCVN3', tcvn3] as const);
  const example = found[0];
  return example ? { encoding, message: legacyMessage(encoding, example) } : undefined;
}

/**
 * The text converted from a legacy encoding, word by word. A word is decoded
 * unless it is well-formed Vietnamese as written and would not be once
 * decoded (so "Thò" in VNI becomes "Thị", while a Unicode word the decoding
 * would break is kept). The user sees the result before it replaces anything. NFC.
 */
export function convertLegacyText(s: string, encoding: LegacyEncoding): string {
  return nfc(s)
    .replace(TOKEN_RE, (token) => {
      const decoded = decodeLegacyText(token, encoding);
      return isVietnameseSyllable(token) && !isVietnameseSyllable(decoded) ? token : decoded;
    })
    .normalize('NFC');
}

const CONVERT_LABEL = 'Chuyển sang Unicode';

/** ERROR 'text.legacy_encoding' when the text looks typed in a legacy font, with the Unicode text as a fix. */
export function legacyEncodingIssue(s: string): VnIssue | undefined {
  const found = detectLegacyEncoding(s);
  if (!found) return undefined;
  const converted = convertLegacyText(s, found.encoding);
  const message = `${found.message}. Đề xuất: "${converted}"`;
  return makeIssue('text.legacy_encoding', 'ERROR', message, { value: converted, label: `${CONVERT_LABEL}: ${converted}` });
}

/**
 * What a file really is, from its bytes rather than its name: a zip (XLSX), a
 * compound binary file (old binary XLS), or text — which is then decoded
 * (UTF-8 with or without BOM, UTF-16 LE/BE as Excel's "Unicode text" saves,
 * else the Windows code pages) and told apart as markup (HTML-table ".xls",
 * SpreadsheetML) or delimited text.
 */
import { detectLegacyEncoding } from '../../vn/index.js';

export type Container = 'xlsx' | 'cfb' | 'markup' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The binary containers; undefined means text. */
export function sniffBinary(bytes: Uint8Array): 'xlsx' | 'cfb' | undefined {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, CFB)) return 'cfb';
  return undefined;
}

export interface DecodedText {
  text: string;
  /** Vietnamese note when the text was not UTF-8/UTF-16 and a code page was guessed. */
  warning?: string;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // No BOM but ASCII letters interleaved with zero bytes: UTF-16LE all the same.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) return 'utf-16le';
  return undefined;
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes text bytes. Not UTF-8: read as Windows-1252 when that shows legacy
 * TCVN3/VNI letters (rejected later with a precise row), else as Windows-1258
 * (the Vietnamese code page of old Excel "CSV") with a warning.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes) };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8 };
  const latin = new TextDecoder('windows-1252').decode(bytes);
  if (detectLegacyEncoding(latin)) return { text: latin };
  return {
    text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'),
    warning: 'Tệp không ở dạng UTF-8; đã đọc theo bảng mã Windows-1258. Hãy kiểm tra lại dấu tiếng Việt.',
  };
}

/** Markup when the first visible character is `<` (HTML table, SpreadsheetML XML). */
export function isMarkup(text: string): boolean {
  return /^[\uFEFF\s]*</.test(text);
}

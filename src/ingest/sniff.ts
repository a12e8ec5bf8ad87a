/**
 * Recognizes a file's type from its first bytes (magic numbers), never from
 * its name: a ".jpg" that is really a ZIP or a text file is not an image.
 */
import type { FileKind } from './ingest.stage.js';

/** How far into the file a PDF header may start (leading junk some producers write). */
export const PDF_HEADER_WINDOW = 1024;
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'heif', 'avif', 'avis']);

const startsWith = (bytes: Buffer, magic: number[], at = 0): boolean => magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Buffer, from: number, to: number): string => bytes.subarray(from, to).toString('latin1');

function isTiff(bytes: Buffer): boolean {
  // II*\0 or MM\0* (classic TIFF); II+\0 or MM\0+ (BigTIFF).
  return [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
    [0x49, 0x49, 0x2b, 0x00],
    [0x4d, 0x4d, 0x00, 0x2b],
  ].some((magic) => startsWith(bytes, magic));
}

/** ISO-BMFF `ftyp` box whose major or one compatible brand is a HEIF/AVIF still image. */
function isHeif(bytes: Buffer): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  if (HEIF_BRANDS.has(ascii(bytes, 8, 12))) return true;
  for (let at = 16; at + 4 <= boxEnd; at += 4) if (HEIF_BRANDS.has(ascii(bytes, at, at + 4))) return true;
  return false;
}

export function sniffKind(bytes: Buffer): FileKind | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (isTiff(bytes)) return 'tiff';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isHeif(bytes)) return 'heif';
  if (bytes.subarray(0, PDF_HEADER_WINDOW + 5).includes('%PDF-', 0, 'latin1')) return 'pdf';
  return undefined;
}

/** sniffKind: the type comes from the bytes, never from the name. */
import { describe, expect, it } from 'vitest';
import { sniffKind } from './sniff.js';

const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffKind', () => {
  it('recognizes each supported signature', () => {
    expect(sniffKind(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('jpeg');
    expect(sniffKind(bytes([0x89], 'PNG\r\n\x1a\n', 'rest'))).toBe('png');
    expect(sniffKind(bytes('II*\0rest'))).toBe('tiff');
    expect(sniffKind(bytes('MM\0*rest'))).toBe('tiff');
    expect(sniffKind(bytes('RIFF\x10\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffKind(bytes('%PDF-1.7\n'))).toBe('pdf');
  });

  it('recognizes HEIF/AVIF by major or compatible brand', () => {
    for (const brand of ['heic', 'heix', 'mif1', 'heif', 'avif']) {
      expect(sniffKind(bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], 'mif1miaf'))).toBe('heif');
    }
    expect(sniffKind(bytes([0, 0, 0, 0x18], 'ftyp', 'isom', [0, 0, 0, 0], 'mif1heic'))).toBe('heif');
    expect(sniffKind(bytes([0, 0, 0, 0x18], 'ftyp', 'isom', [0, 0, 0, 0], 'isomavc1'))).toBeUndefined();
  });

  it('accepts a PDF header after up to 1 KB of leading junk, not further', () => {
    expect(sniffKind(bytes('x'.repeat(1000), '%PDF-1.4'))).toBe('pdf');
    expect(sniffKind(bytes('x'.repeat(3000), '%PDF-1.4'))).toBeUndefined();
  });

  it('rejects text, ZIP and anything else whatever the name', () => {
    expect(sniffKind(bytes('Xin chào, đây là tệp văn bản.'))).toBeUndefined();
    expect(sniffKind(bytes('PK\x03\x04zip'))).toBeUndefined();
    expect(sniffKind(bytes('GIF89a'))).toBeUndefined();
    expect(sniffKind(bytes([0xff, 0xd8]))).toBeUndefined();
  });
});

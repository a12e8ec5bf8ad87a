import { describe, expect, it } from 'vitest';
import { attachment } from './attachment.js';

describe('attachment', () => {
  it('gives old clients an ASCII name without quotes and every browser the exact NFC name', () => {
    const h = attachment('Sổ "khai sinh" 02.xlsx'.normalize('NFD'));
    expect(h).toBe(`attachment; filename="S_ _khai sinh_ 02.xlsx"; filename*=UTF-8''${encodeURIComponent('Sổ "khai sinh" 02.xlsx'.normalize('NFC'))}`);
    expect(decodeURIComponent(h.split("UTF-8''")[1]!)).toBe('Sổ "khai sinh" 02.xlsx'.normalize('NFC'));
  });
});

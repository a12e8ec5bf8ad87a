/** cleanFileName: display names only, never paths. */
import { describe, expect, it } from 'vitest';
import { cleanFileName, UNNAMED_FILE } from './file-name.js';

describe('cleanFileName', () => {
  it('drops directory parts, Unix and Windows', () => {
    expect(cleanFileName('../../etc/x.jpg')).toBe('x.jpg');
    expect(cleanFileName('C:\\Scans\\Quyen 1\\trang-001.tif')).toBe('trang-001.tif');
  });

  it('strips control and bidi-override characters, then the path', () => {
    expect(cleanFileName('../../etc/passwd\u0007.jpg')).toBe('passwd.jpg');
    expect(cleanFileName('hoa-don\u202Egpj.exe')).toBe('hoa-dongpj.exe');
  });

  it('normalizes to NFC', () => {
    const nfd = 'Sổ khai sinh.pdf'.normalize('NFD');
    expect(cleanFileName(nfd)).toBe('Sổ khai sinh.pdf'.normalize('NFC'));
  });

  it('names an empty result', () => {
    for (const raw of ['', '   ', '../', '..', '\u0000\u0001', 'a/b/']) expect(cleanFileName(raw)).toBe(UNNAMED_FILE);
  });

  it('caps the length at 255 characters', () => {
    expect(Array.from(cleanFileName(`${'ệ'.repeat(400)}.jpg`))).toHaveLength(255);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { readXlsx } from '../../test/support/xlsx-raw.js';
import { getTemplate, headerRow } from './index.js';

const TEMPLATE = ['data', 'moj-templates', 'khai-sinh-template-70col.xlsx'];

describe.runIf(hasShared(...TEMPLATE))('KS-70 header row against the official MoJ template', () => {
  const wb = readXlsx(readFileSync(sharedPath(...TEMPLATE)));
  const official = wb.rows('DL Import')[0]!.map((c) => c.text);

  it('has the two sheets of the template', () => {
    expect(wb.sheetNames).toEqual(['DL Import', 'Ghi chu']);
  });

  it('equals row 1 of "DL Import" byte for byte', () => {
    const ours = headerRow(getTemplate('KS'));
    expect(ours).toHaveLength(70);
    expect(ours).toEqual(official);
    expect(Buffer.from(ours.join('\u0000'), 'utf8').equals(Buffer.from(official.join('\u0000'), 'utf8'))).toBe(true);
  });

  it('keeps the trailing spaces and i=[…] hints', () => {
    const ours = headerRow(getTemplate('KS'));
    expect(ours[1]).toBe('so ');
    expect(ours[5]).toBe('loaiDangKy \ni=[1,2,3,4,5,6]');
    expect(ours).toContain('nksLoaiKhaiSinh\ni=[1,2,3,4,5]');
  });

  it('the older KS-60 layout is the same fields without STT, IDs and *Str columns', () => {
    const ks60 = headerRow(getTemplate('KS-60'));
    expect(ks60).toHaveLength(60);
    expect(ks60[0]).toBe('so');
    expect(ks60.some((h) => /SoDinhDanh|Str$|^STT$/.test(h))).toBe(false);
  });
});

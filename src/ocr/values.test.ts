/**
 * Values from what the machine read: normalized like typed input, OCR
 * confusions typical of Vietnamese flagged uncertain; thresholds per field
 * kind from measured accuracy; a cell's words cut back into fields by the
 * catalog's page layout.
 */
import { describe, expect, it } from 'vitest';
import { pageLayoutOf, splitCell } from '../registers/index.js';
import { calibrate, DEFAULT_THRESHOLD, NEVER, normalizeRow, thresholdFor, type Sample } from './index.js';
import type { ReadField } from './read-page.js';

const read = (text: string, confidence = 0.95): ReadField => ({ text, confidence, box: { x: 0, y: 0, w: 0.1, h: 0.01 }, words: text.split(' ').map((t) => ({ text: t, confidence })) });
const byField = (rows: ReturnType<typeof normalizeRow>) => Object.fromEntries(rows.map((r) => [r.field, r]));

describe('machine values', () => {
  it('normalizes dates, codes, ethnicity and dates in words like typed input', () => {
    const v = byField(
      normalizeRow('KS', {
        nksNgaySinh: read('17.12.1997'),
        nksGioiTinh: read('Nữ'),
        nksDanToc: read('Kinh'),
        nksNgaySinhBangChu: read('Ngày Mười Bảy Thánc Mười Hai Năm Một Nghìn Chín Trăm Chín Mươi Bảy'),
      }),
    );
    expect(v.nksNgaySinh).toMatchObject({ value: '17.12.1997', uncertain: [] });
    expect(v.nksGioiTinh).toMatchObject({ value: '2', uncertain: [] });
    expect(v.nksDanToc).toMatchObject({ value: 'Kinh', uncertain: [] });
    expect(v.nksNgaySinhBangChu).toMatchObject({ value: 'Ngày Mười Bảy Tháng Mười Hai Năm Một Nghìn Chín Trăm Chín Mươi Bảy', uncertain: [] });
  });

  it('flags the confusions typical of Vietnamese OCR as uncertain', () => {
    const v = byField(
      normalizeRow('KS', {
        so: read('l5'),
        meSoGiayToTuyThan: read('O92081109'),
        nksHoTen: read('Nguyêñ Thị Thủy'),
        meHoTen: read('Lê Thị Mại', 0.7),
        nksNgaySinh: read('17.12.199f'),
      }),
    );
    expect(v.so).toMatchObject({ value: '15', uncertain: ['digit_letter'] });
    expect(v.meSoGiayToTuyThan).toMatchObject({ value: '092081109', uncertain: ['digit_letter'] });
    expect(v.nksHoTen!.uncertain).toContain('not_vietnamese');
    expect(v.meHoTen!.uncertain).toContain('diacritics');
    expect(v.nksNgaySinh!.uncertain).toContain('date_invalid');
  });
});

describe('thresholds from measured accuracy', () => {
  const samples = (n: number, conf: (i: number) => number, correct: (i: number) => boolean): Sample[] =>
    Array.from({ length: n }, (_, i) => ({ kind: 'name', confidence: conf(i), correct: correct(i) }));
  it('keeps the cautious default with too few samples, never pre-fills a kind that never reaches the target', () => {
    expect(
      thresholdFor(
        samples(
          10,
          () => 0.99,
          () => true,
        ),
      ),
    ).toBe(DEFAULT_THRESHOLD);
    expect(
      thresholdFor(
        samples(
          100,
          () => 0.99,
          (i) => i % 5 !== 0,
        ),
      ),
    ).toBe(NEVER);
  });
  it('picks the least confidence from which the machine was right often enough', () => {
    // Below 0.8 half are wrong; from 0.8 on all are right.
    const s = samples(
      200,
      (i) => 0.5 + (i / 200) * 0.5,
      (i) => 0.5 + (i / 200) * 0.5 >= 0.8 || i % 2 === 0,
    );
    const t = thresholdFor(s);
    expect(t).toBeGreaterThan(0.7);
    expect(t).toBeLessThanOrEqual(0.8);
    expect(calibrate(s).find((k) => k.kind === 'name')).toMatchObject({ threshold: t, samples: 200 });
  });
});

describe('cutting a cell back into fields', () => {
  it('uses the labels of the layout, forgiving dropped marks, and keeps a given name "Sinh"', () => {
    const mother = pageLayoutOf('KS')!.find((c) => c.items[0]!.field === 'meHoTen')!;
    const words = 'Lê Văn Sinh Nam sinh: 1962 Dan toc: Kinh Quốc tịch: Việt Nam Cư trú: xã La Bằng, huyện Đại Từ'.split(' ');
    const parts = Object.fromEntries(splitCell(mother, words).map((p) => [p.field, p.text]));
    expect(parts).toEqual({ meHoTen: 'Lê Văn Sinh', meNgaySinh: '1962', meDanToc: 'Kinh', meQuocTich: 'Việt Nam', meNoiCuTru: 'xã La Bằng, huyện Đại Từ' });
  });
});

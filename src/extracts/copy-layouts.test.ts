/**
 * Every register type of the catalog has a certified-copy layout, or a
 * stated reason why the law gives no copy of it. Each layout (and each
 * variant) reads only fields its template declares; its copy is rendered to
 * PDF from a record filled from the catalog itself and read back: title,
 * "(BẢN SAO)", the number with its suffix, every printed line (label and
 * value), the source line and the QR payload. Optional lines left empty are
 * not printed.
 */
import { describe, expect, it } from 'vitest';
import { pdfQr, pdfText } from '../../test/support/pdf-read.js';
import { CODE_LISTS, CURRENT_TEMPLATE, getTemplate, TEMPLATES, type FieldDef, type RegisterTemplate, type RegisterType } from '../registers/index.js';
import { COPY_LAYOUTS, findCopyLayout, NO_COPY, type CopyLayout } from './copy-layouts.js';
import { renderCopyPdf } from './copy-pdf.js';
import { printedCopy } from './printed-copy.js';

const URL = 'https://hotich.example/verify/thu-bo-cuc-ban-sao-0001';
const TYPES = Object.keys(CURRENT_TEMPLATE) as RegisterType[];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Hà', 'Khoa', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quý', 'Sơn', 'Thảo', 'Uyên', 'Vinh', 'Xuân', 'Yến'];

/** A value for each field of the template, by its type: distinct per field, so a line shows which field it read. */
function sampleValue(f: FieldDef, i: number): string {
  switch (f.type) {
    case 'date':
      return `${String((i % 27) + 1).padStart(2, '0')}.0${(i % 9) + 1}.19${60 + (i % 30)}`;
    case 'code':
      return CODE_LISTS[f.codeList!][0]!.code;
    case 'name':
      return `Trần Văn ${GIVEN[i % GIVEN.length]}`;
    case 'ethnicity':
      return 'Kinh';
    case 'nationality':
      return 'Việt Nam';
    case 'registrationNo':
      return String(10 + i);
    case 'pageNo':
      return '7';
    case 'personalId':
    case 'idDocNo':
      return `0340${String(80000000 + i)}`;
    case 'time':
      return '08:30';
    case 'rowNo':
      return String(i);
    case 'dateInWords':
    case 'place':
    case 'text':
      return `Giá trị ${f.label.toLowerCase()} ${i}`;
  }
}

const sample = (t: RegisterTemplate, overrides: Record<string, string> = {}): Record<string, string> => ({
  ...Object.fromEntries(t.fields.map((f, i) => [f.key, sampleValue(f, i)])),
  ...overrides,
});

const meta = (number: string) => ({
  issuer: { province: 'Tỉnh Thử Nghiệm', authority: 'UBND Xã Vũ Hội' },
  number,
  place: 'Vũ Hội',
  issuedOn: '2026-12-05',
  book: { volumeNo: '01/1999' },
  pageNo: '7',
  signer: { title: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: 'Lê Thị Ký' },
});

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('certified-copy layouts over the register catalog', () => {
  it('covers every register type: a layout or a reason (and never both)', () => {
    for (const type of TYPES) expect(Boolean(COPY_LAYOUTS[type]) !== Boolean(NO_COPY[type]), type).toBe(true);
    expect(NO_COPY.HN).toMatch(/Giấy xác nhận tình trạng hôn nhân/);
  });

  it('reads only fields the template declares, in every variant, with code lists where it prints labels', () => {
    for (const [type, layout] of Object.entries(COPY_LAYOUTS) as [RegisterType, CopyLayout][]) {
      const t = getTemplate(type);
      const byKey = new Map(t.fields.map((f) => [f.key, f]));
      for (const body of [layout.body, ...(layout.variants ?? []).map((v) => v.body ?? [])])
        for (const part of body.flat()) {
          expect(byKey.has(part.key), `${type} ${part.key}`).toBe(true);
          if (part.format === 'code') expect(byKey.get(part.key)!.codeList, `${type} ${part.key}`).toBeDefined();
        }
      for (const v of layout.variants ?? []) {
        const list = byKey.get(v.when.key)?.codeList;
        expect(list, `${type} ${v.when.key}`).toBeDefined();
        for (const code of v.when.in)
          expect(
            CODE_LISTS[list!].some((o) => o.code === code),
            `${type} ${code}`,
          ).toBe(true);
      }
      expect(new Set([layout.suffix, ...(layout.variants ?? []).map((v) => v.suffix)]).size, type).toBe(1 + (layout.variants?.length ?? 0));
      for (const suffix of [layout.suffix, ...(layout.variants ?? []).map((v) => v.suffix)]) expect(suffix).toMatch(/^[A-Z]+-BS$/);
    }
  });

  /** Each layout and each variant, from a record the catalog fills. */
  const cases = (Object.values(COPY_LAYOUTS) as CopyLayout[]).flatMap((l) => [
    { type: l.registerType, overrides: {} as Record<string, string> },
    ...(l.variants ?? []).map((v) => ({ type: l.registerType, overrides: { [v.when.key]: v.when.in[0]! } })),
  ]);

  it.each(cases.map((c) => [`${c.type} ${JSON.stringify(c.overrides)}`, c] as const))(
    '%s: the PDF holds every printed line, the number and the QR payload',
    async (_name, c) => {
      const t = getTemplate(c.type);
      const values = sample(t, c.overrides);
      const layout = findCopyLayout(c.type, values)!;
      const number = `3/2026/${layout.suffix}`;
      const printed = printedCopy(layout, t, values, meta(number));
      expect(printed.lines.length).toBe(layout.body.length);
      const pdf = await renderCopyPdf(printed, URL);
      const text = flat(await pdfText(pdf));
      expect(text).toContain(flat(layout.title));
      expect(text).toContain('(BẢN SAO)');
      expect(text).toContain(`Số: ${number}`);
      expect(text).toContain(`Sao từ ${layout.sourceBook} (Quyển số`);
      for (const line of printed.lines)
        for (const p of line) {
          expect(p.value, `${c.type} ${p.label}`).not.toBe('');
          expect(text, `${c.type} ${p.label}`).toContain(flat(`${p.label}: ${p.value}`));
        }
      expect(text).toContain('Lê Thị Ký');
      expect(await pdfQr(pdf)).toBe(URL);
    },
    60_000,
  );

  it('chooses the variant by the coded field: chấm dứt giám hộ, hủy kết hôn, nuôi con nuôi recorded from abroad', () => {
    const at = (type: RegisterType, v: Record<string, string>) => findCopyLayout(type, v)!;
    expect(at('GH', { loaiDangKy: '1' })).toMatchObject({ title: 'TRÍCH LỤC ĐĂNG KÝ GIÁM HỘ', suffix: 'TLGH-BS' });
    expect(at('GH', { loaiDangKy: '2' })).toMatchObject({ title: 'TRÍCH LỤC ĐĂNG KÝ CHẤM DỨT GIÁM HỘ', suffix: 'TLCDGH-BS' });
    expect(at('GC', { loaiViec: '1' }).suffix).toBe('TLGCLH-BS');
    expect(at('GC', { loaiViec: '2' }).suffix).toBe('TLGCHKH-BS');
    expect(at('CN', { loaiDangKy: '3' }).title).toBe('TRÍCH LỤC GHI VÀO SỔ HỘ TỊCH VIỆC NUÔI CON NUÔI');
    expect(at('KS', {}).suffix).toBe('GKS-BS');
    expect(findCopyLayout('HN')).toBeUndefined();
  });

  it('leaves out the lines of an empty optional block (no second guardian) but keeps required lines even when empty', () => {
    const t = getTemplate('GH');
    const values = Object.fromEntries(Object.entries(sample(t)).filter(([k]) => !k.startsWith('ngh2') && k !== 'ndghDanToc'));
    const printed = printedCopy(findCopyLayout('GH', values)!, t, values, meta('1/2026/TLGH-BS'));
    const labels = printed.lines.flat().map((p) => p.label);
    expect(labels).not.toContain('Họ, chữ đệm, tên người giám hộ thứ hai');
    expect(labels).toContain('Họ, chữ đệm, tên người giám hộ');
    expect(printed.lines.flat().find((p) => p.label === 'Dân tộc' && p.value === '')).toBeDefined();
  });

  it('lists every template of the catalog under a type it covers', () => {
    for (const t of TEMPLATES) expect(TYPES, t.id).toContain(t.registerType);
  });
});

/**
 * The keying screen's pure parts: the draft against the server, the rules
 * the form shows (the catalog's own, from registers/, the code the server
 * validates with), the form helpers, the shortcut map.
 */
import { describe, expect, it } from 'vitest';
import { dateReading, formDescription, normalizeDateText, requirementsOf, TEMPLATES, validateRecord } from '../../registers/index.js';
import { CLEAN_KS_RECORD } from '../../../test/support/records.js';
import { afterSave, draftOf, pendingChanges, rebaseOnLatest } from './draft.js';
import { copyForwardValues, keyedFields } from './form-fields.js';
import { restrictForm, type FormDescription, type FormField, type RecordView } from './keying.api.js';
import { matchEntries, quickPickEntries } from './QuickPick.js';
import { shortcutOf } from './shortcuts.js';

const view = (version: number, values: Record<string, string>, flags: RecordView['flags'] = {}): RecordView => ({
  id: 'r1',
  bookId: 'b1',
  registerType: 'KS',
  templateId: 'KS-70',
  status: 'draft',
  version,
  values,
  flags,
  acknowledged: [],
  pageIds: [],
  regions: [],
  keyedBy: null,
  completedAt: null,
  updatedAt: '2026-11-25T12:00:00.000Z',
  findings: [],
  keyingOf: null,
  keyingPass: null,
});

const field = (key: string, more: Partial<FormField> = {}): FormField => ({ key, label: key, type: 'text', widget: 'text', required: 'optional', copyForward: false, ...more });

describe('draft', () => {
  it('sends only what changed; an emptied field is sent as null, a removed flag as null', () => {
    const d = { ...draftOf(view(3, { so: '15', ghiChu: 'x' }, { so: { kind: 'uncertain', note: '' } })) };
    d.values = { ...d.values, ghiChu: '', nksHoTen: 'Mai' };
    d.flags = {};
    expect(pendingChanges(d)).toEqual({ values: { ghiChu: null, nksHoTen: 'Mai' }, flags: { so: null } });
    expect(pendingChanges(draftOf(view(1, { so: '15' })))).toBeUndefined();
  });

  it('after a save takes the server cleaned values but keeps what was typed during the save', () => {
    const d = draftOf(view(1, {}));
    const sent = { values: { nksHoTen: 'Nguyễn  Mai ', so: '15' } };
    const typing = { ...d, values: { nksHoTen: 'Nguyễn  Mai ', so: '152' } };
    const next = afterSave(typing, sent, view(2, { nksHoTen: 'Nguyễn Mai', so: '15' }));
    expect(next.values).toEqual({ nksHoTen: 'Nguyễn Mai', so: '152' });
    expect(pendingChanges(next)).toEqual({ values: { so: '152' } });
  });

  it('rebases on the latest version: their fields win, the keyer keeps edits elsewhere', () => {
    const d = { ...draftOf(view(2, { nguoiKy: 'A' })), values: { nguoiKy: 'B', ghiChu: 'note' } };
    const next = rebaseOnLatest(d, view(3, { nguoiKy: 'C' }), new Set(['nguoiKy']));
    expect(next.values).toEqual({ nguoiKy: 'C', ghiChu: 'note' });
    expect(next.base.version).toBe(3);
  });
});

describe("form rules (the catalog's, as the server applies them)", () => {
  const hint = (text: string, key = 'ngayDangKy', more: Record<string, string> = {}) => dateReading({ ...more, [key]: text }, key);

  it('reads dates the way keyers type them, in the MoJ form and in words', () => {
    expect(hint('01092008')).toEqual({ ok: true, normalized: '01.09.2008', words: 'Ngày Một Tháng Chín Năm Hai Nghìn Không Trăm Linh Tám', lunar: false });
    expect(hint('27/8/1985')).toMatchObject({ normalized: '27.08.1985' });
    expect(hint('8.1985')).toMatchObject({ normalized: '08.1985', words: 'Tháng Tám Năm Một Nghìn Chín Trăm Tám Mươi Lăm' });
    expect(hint('1985')).toMatchObject({ normalized: '1985' });
    expect(hint('31021985')).toMatchObject({ ok: false });
    expect(hint(' ')).toBeUndefined();
    expect(normalizeDateText('2781985')).toBe('2781985');
  });

  it('shows the solar day of a lunar date, narrows a Can Chi year by the registration as the validator does, and never rewrites the text as keyed', () => {
    expect(hint('mùng 5 tháng Giêng năm Ất Sửu 1985')).toMatchObject({ ok: true, normalized: '25.01.1985', lunar: true });
    expect(hint('mùng 5 tháng Giêng năm Ất Sửu')).toMatchObject({ ok: false, message: expect.stringMatching(/1925 \(28\.01\.1925\)/) });
    // A birth registered in 1986: the one Ất Sửu in the 60 years before it (the form used to say "ambiguous" where the server did not).
    expect(hint('mùng 5 tháng Giêng năm Ất Sửu', 'nksNgaySinh', { ngayDangKy: '10.03.1986' })).toMatchObject({ ok: true, normalized: '25.01.1985', lunar: true });
    expect(normalizeDateText('mùng 5 tháng Giêng năm Ất Sửu 1985')).toBe('mùng 5 tháng Giêng năm Ất Sửu 1985');
    expect(normalizeDateText('27/8/1985')).toBe('27.08.1985');
  });

  it("marks the mother's fields required, or to be left empty, from the kind of birth registration (KS-70), code or its name", () => {
    expect(requirementsOf('KS-70', { nksLoaiKhaiSinh: '1' }).meHoTen).toEqual({ required: true, mustBeEmpty: false });
    expect(requirementsOf('KS-70', { nksLoaiKhaiSinh: '2' }).meHoTen).toEqual({ required: false, mustBeEmpty: true });
    expect(requirementsOf('KS-70', { nksLoaiKhaiSinh: ' Chưa xác định được mẹ ' }).meHoTen).toEqual({ required: false, mustBeEmpty: true });
    expect(requirementsOf('KS-70', { nksLoaiKhaiSinh: '3' }).chaHoTen).toEqual({ required: false, mustBeEmpty: true });
  });

  it('agrees with the validator field by field, for every template: required <=> "field.required" when empty, must stay empty <=> "field.must_be_empty" when filled', () => {
    const variants: Record<string, string>[] = [{}, ...['1', '2', '3', '4', '5'].map((c) => ({ nksLoaiKhaiSinh: c, loaiDangKy: c }))];
    let checked = 0;
    for (const template of TEMPLATES) {
      for (const base of variants) {
        const empty = validateRecord(template.id, base);
        const filled = validateRecord(template.id, Object.fromEntries([...template.fields.map((f) => [f.key, 'x'] as const), ...Object.entries(base)]));
        const req = requirementsOf(template.id, base);
        for (const f of template.fields) {
          if (f.key in base) continue;
          expect(req[f.key]!.required, `${template.id} ${f.key} ${JSON.stringify(base)}`).toBe(empty.some((x) => x.path === f.key && x.code === 'field.required'));
          expect(req[f.key]!.mustBeEmpty, `${template.id} ${f.key} ${JSON.stringify(base)}`).toBe(filled.some((x) => x.path === f.key && x.code === 'field.must_be_empty'));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('finds nothing wrong in a clean record, and an error as the server would name it', () => {
    expect(validateRecord('KS-70', CLEAN_KS_RECORD, { today: new Date('2026-11-25T12:00:00') }).filter((f) => f.severity !== 'INFO')).toEqual([]);
    const noMother = validateRecord('KS-70', { ...CLEAN_KS_RECORD, nksLoaiKhaiSinh: '2' }, { today: new Date('2026-11-25T12:00:00') });
    expect(noMother).toContainEqual(expect.objectContaining({ path: 'meHoTen', severity: 'ERROR', code: 'field.must_be_empty' }));
  });

  it('restricts a form to the fields of a critical-only pass, in catalog order, dropping empty groups', () => {
    const form: FormDescription = {
      templateId: 'KS-70',
      registerType: 'KS',
      title: 'Khai sinh',
      groups: [
        { id: 'dangKy', label: 'Đăng ký', fields: [field('so'), field('quyenSo')] },
        { id: 'nks', label: 'Người được khai sinh', fields: [field('nksHoTen'), field('nksDanToc')] },
        { id: 'ghi', label: 'Ghi chú', fields: [field('ghiChu')] },
      ],
    };
    const r = restrictForm(form, ['nksHoTen', 'so']);
    expect(r.groups.map((g) => [g.id, g.fields.map((f) => f.key)])).toEqual([
      ['dangKy', ['so']],
      ['nks', ['nksHoTen']],
    ]);
  });

  it("lists the keyed fields of the catalog's form in column order, without the row number", () => {
    const form = formDescription(TEMPLATES.find((t) => t.id === 'KS-70')!);
    const keys = keyedFields(form).map((f) => f.key);
    expect(keys.slice(0, 2)).toEqual(['so', 'quyenSo']);
    expect(keys).toContain('meHoTen');
    expect(keyedFields(form).every((f) => f.widget !== 'none')).toBe(true);
  });

  it('copies forward only copy-forward fields that are empty here', () => {
    const fields = [field('ngayDangKy', { copyForward: true }), field('nguoiKy', { copyForward: true }), field('so')];
    expect(copyForwardValues(fields, { nguoiKy: 'B' }, { ngayDangKy: '15.12.2008', nguoiKy: 'A', so: '14' })).toEqual({ ngayDangKy: '15.12.2008' });
  });

  it('finds a field by label words without diacritics', () => {
    const form = {
      templateId: 'T',
      registerType: 'KS',
      title: '',
      groups: [
        { id: 'nks', label: 'Người được khai sinh', fields: [field('nksNgaySinh', { label: 'Ngày, tháng, năm sinh' })] },
        { id: 'me', label: 'Mẹ', fields: [field('meNgaySinh', { label: 'Ngày, tháng, năm sinh' })] },
      ],
    };
    expect(matchEntries(quickPickEntries(form), 'ngay sinh me').map((e) => e.key)).toEqual(['meNgaySinh']);
  });
});

describe('shortcuts', () => {
  const key = (code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}) =>
    shortcutOf({ code, ctrlKey: mods.ctrl ?? false, metaKey: false, altKey: mods.alt ?? false, shiftKey: mods.shift ?? false });
  it('maps the keying keys and leaves typing alone', () => {
    expect(key('KeyS', { ctrl: true })).toBe('save');
    expect(key('Enter', { ctrl: true })).toBe('complete');
    expect(key('ArrowRight', { alt: true })).toBe('nextRecord');
    expect(key('KeyU', { alt: true })).toBe('toggleFlag');
    expect(key('KeyD', { ctrl: true })).toBe('copyForward');
    expect(key('KeyU')).toBeUndefined();
    expect(key('KeyA', { ctrl: true })).toBeUndefined();
  });
});

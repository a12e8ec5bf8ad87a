/** The keying screen's pure parts: the draft against the server, the form rules, the shortcut map. */
import { describe, expect, it } from 'vitest';
import { afterSave, draftOf, pendingChanges, rebaseOnLatest } from './draft.js';
import { copyForwardValues, dateHint, isRequired, mustBeEmpty, normalizeDate } from './form-rules.js';
import { restrictForm, type FormDescription, type FormField, type RecordView } from './keying.api.js';
import { matchEntries, quickPickEntries } from './QuickPick.js';
import { shortcutOf } from './shortcuts.js';

const view = (version: number, values: Record<string, string>, flags: RecordView['flags'] = {}): RecordView => ({
  id: 'r1', bookId: 'b1', registerType: 'KS', templateId: 'KS-70', status: 'draft', version, values, flags, acknowledged: [], pageIds: [], regions: [],
  keyedBy: null, completedAt: null, updatedAt: '2026-11-25T12:00:00.000Z', findings: [], keyingOf: null, keyingPass: null,
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

describe('form rules', () => {
  it('reads dates the way keyers type them, in the MoJ form and in words', () => {
    expect(dateHint('01092008')).toEqual({ ok: true, normalized: '01.09.2008', words: 'Ngày Một Tháng Chín Năm Hai Nghìn Không Trăm Linh Tám', lunar: false });
    expect(dateHint('27/8/1985')).toMatchObject({ normalized: '27.08.1985' });
    expect(dateHint('8.1985')).toMatchObject({ normalized: '08.1985', words: 'Tháng Tám Năm Một Nghìn Chín Trăm Tám Mươi Lăm' });
    expect(dateHint('1985')).toMatchObject({ normalized: '1985' });
    expect(dateHint('31021985')).toMatchObject({ ok: false });
    expect(dateHint(' ')).toBeUndefined();
    expect(normalizeDate('2781985')).toBe('2781985');
  });

  it('shows the solar day of a lunar date and never rewrites the text as keyed', () => {
    expect(dateHint('mùng 5 tháng Giêng năm Ất Sửu 1985')).toMatchObject({ ok: true, normalized: '25.01.1985', lunar: true });
    expect(dateHint('mùng 5 tháng Giêng năm Ất Sửu')).toMatchObject({ ok: false, message: expect.stringMatching(/1925 \(28\.01\.1925\)/) });
    expect(normalizeDate('mùng 5 tháng Giêng năm Ất Sửu 1985')).toBe('mùng 5 tháng Giêng năm Ất Sửu 1985');
    expect(normalizeDate('27/8/1985')).toBe('27.08.1985');
  });

  it('evaluates required and must-be-empty conditions from the form description', () => {
    const noMother = { field: 'nksLoaiKhaiSinh', in: ['2', '4', '5'] };
    const meHoTen = field('meHoTen', { required: { unless: noMother }, emptyWhen: noMother });
    expect(isRequired(meHoTen, { nksLoaiKhaiSinh: '1' })).toBe(true);
    expect(isRequired(meHoTen, { nksLoaiKhaiSinh: '2' })).toBe(false);
    expect(mustBeEmpty(meHoTen, { nksLoaiKhaiSinh: '4' })).toBe(true);
    expect(isRequired(field('x', { required: { when: { field: 'loaiDangKy', in: ['3'] } } }), { loaiDangKy: '3' })).toBe(true);
  });

  it('restricts a form to the fields of a critical-only pass, in catalog order, dropping empty groups', () => {
    const form: FormDescription = {
      templateId: 'KS-70', registerType: 'KS', title: 'Khai sinh',
      groups: [{ id: 'dangKy', label: 'Đăng ký', fields: [field('so'), field('quyenSo')] }, { id: 'nks', label: 'Người được khai sinh', fields: [field('nksHoTen'), field('nksDanToc')] }, { id: 'ghi', label: 'Ghi chú', fields: [field('ghiChu')] }],
    };
    const r = restrictForm(form, ['nksHoTen', 'so']);
    expect(r.groups.map((g) => [g.id, g.fields.map((f) => f.key)])).toEqual([['dangKy', ['so']], ['nks', ['nksHoTen']]]);
  });

  it('copies forward only copy-forward fields that are empty here', () => {
    const fields = [field('ngayDangKy', { copyForward: true }), field('nguoiKy', { copyForward: true }), field('so')];
    expect(copyForwardValues(fields, { nguoiKy: 'B' }, { ngayDangKy: '15.12.2008', nguoiKy: 'A', so: '14' })).toEqual({ ngayDangKy: '15.12.2008' });
  });

  it('finds a field by label words without diacritics', () => {
    const form = { templateId: 'T', registerType: 'KS', title: '', groups: [
      { id: 'nks', label: 'Người được khai sinh', fields: [field('nksNgaySinh', { label: 'Ngày, tháng, năm sinh' })] },
      { id: 'me', label: 'Mẹ', fields: [field('meNgaySinh', { label: 'Ngày, tháng, năm sinh' })] },
    ] };
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

/**
 * Shape checks shared by the eight non-KS templates: what the derivations
 * (form, header row, common rules) rely on without saying so.
 */
import { describe, expect, it } from 'vitest';
import { CODE_LISTS, CURRENT_TEMPLATE, findTemplate, formDescription, type RegisterTemplate } from './index.js';
import { KHAI_TU } from './khai-tu.js';
import { KET_HON } from './ket-hon.js';
import { NHAN_CHA_ME_CON } from './nhan-cha-me-con.js';
import { XAC_NHAN_HON_NHAN } from './xac-nhan-hon-nhan.js';
import { THAY_DOI_HO_TICH } from './thay-doi-ho-tich.js';
import { GIAM_HO } from './giam-ho.js';
import { GHI_CHU } from './ghi-chu.js';
import { NUOI_CON_NUOI } from './nuoi-con-nuoi.js';

const TEMPLATES: readonly RegisterTemplate[] = [KHAI_TU, KET_HON, NHAN_CHA_ME_CON, XAC_NHAN_HON_NHAN, THAY_DOI_HO_TICH, GIAM_HO, GHI_CHU, NUOI_CON_NUOI];
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s shape', (_id, t) => {
  it('is the current template of its register type', () => {
    expect(CURRENT_TEMPLATE[t.registerType]).toBe(t.id);
    expect(findTemplate(t.registerType)).toBe(t);
  });

  it('has unique keys, declared groups and declared person prefixes', () => {
    const keys = t.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    const groups = new Set(t.groups.map((g) => g.id));
    expect(t.fields.filter((f) => !groups.has(f.group)).map((f) => f.key)).toEqual([]);
    const prefixes = new Set(t.persons.map((p) => p.prefix));
    expect(t.fields.filter((f) => f.person && !prefixes.has(f.person)).map((f) => f.key)).toEqual([]);
    for (const p of t.persons)
      expect(
        t.fields.some((f) => f.person === p.prefix),
        p.prefix,
      ).toBe(true);
  });

  it('uses existing code lists and words-of targets', () => {
    for (const f of t.fields.filter((x) => x.type === 'code')) expect(CODE_LISTS[f.codeList!], f.key).toBeDefined();
    for (const f of t.fields.filter((x) => x.type === 'dateInWords')) expect(keysOf(t), f.key).toContain(f.wordsOf);
  });

  it('speaks Vietnamese in its title, groups, rules and source', () => {
    for (const text of [t.title, t.source, ...t.groups.map((g) => g.label), ...t.rules.map((r) => r.description)]) {
      expect(text, text).toMatch(VIETNAMESE);
    }
    const ids = t.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith(`${t.registerType.toLowerCase()}.`))).toBe(true);
  });

  it('derives a form whose groups hold every field exactly once', () => {
    const form = formDescription(t);
    expect(form.groups.flatMap((g) => g.fields.map((f) => f.key)).sort()).toEqual(keysOf(t).sort());
    expect(form.groups.every((g) => g.fields.length > 0)).toBe(true);
  });
});

function keysOf(t: RegisterTemplate): string[] {
  return t.fields.map((f) => f.key);
}

import vi from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { ambiguousNationalityKeys, listNationalities, NATIONALITY_VIETNAM, nationalityIssue, resolveNationality, STATELESS_CODE } from './nationality.js';

function iso(text: string): string | undefined {
  const m = resolveNationality(text);
  return m.status === 'unknown' ? undefined : m.iso2;
}

describe('resolveNationality', () => {
  it('resolves Việt Nam exactly, in any case, form and with blanks', () => {
    for (const t of [NATIONALITY_VIETNAM, ' Việt Nam  ', 'VIỆT NAM', 'việt nam', 'Việt Nam'.normalize('NFD'), 'Việt\u00A0Nam']) {
      expect(resolveNationality(t), t).toEqual({ status: 'exact', iso2: 'VN', name: 'Việt Nam' });
    }
  });
  it.each([
    ['Hoa Kỳ', 'US'],
    ['Nhật Bản', 'JP'],
    ['Hàn Quốc', 'KR'],
    ['Triều Tiên', 'KP'],
    ['Trung Quốc', 'CN'],
    ['Lào', 'LA'],
    ['Campuchia', 'KH'],
    ['Úc', 'AU'],
    ['Liên bang Nga', 'RU'],
    ['Pháp', 'FR'],
    ['Đức', 'DE'],
    ['Đài Loan', 'TW'],
    ['Người không quốc tịch', STATELESS_CODE],
    ['Thái Lan', 'TH'],
  ])('%s is the canonical name of %s', (text, code) => {
    expect(resolveNationality(text)).toMatchObject({ status: 'exact', iso2: code, name: text });
  });
  it('treats spacing and hyphens as spelling, not as another name', () => {
    expect(resolveNationality('Cam-pu-chia')).toEqual({ status: 'exact', iso2: 'KH', name: 'Campuchia' });
  });
  it.each([
    ['Mỹ', 'US', 'Hoa Kỳ'],
    ['Hợp chủng quốc Hoa Kỳ', 'US', 'Hoa Kỳ'],
    ['Hoa Kỳ (American)', 'US', 'Hoa Kỳ'],
    ['Ô-xtrây-li-a', 'AU', 'Úc'],
    ['Ô-xtrây-li-a (Australian)', 'AU', 'Úc'],
    ['Nga', 'RU', 'Liên bang Nga'],
    ['Căm-pu-chia', 'KH', 'Campuchia'],
    ['Trung Quốc (Đài Loan)', 'TW', 'Đài Loan'],
    ['Trung Quốc (Hồng Công)', 'HK', 'Hồng Kông'],
    ['Viet Nam', 'VN', 'Việt Nam'],
    ['Vietnam', 'VN', 'Việt Nam'],
    ['Cộng hòa Dân chủ nhân dân Lào', 'LA', 'Lào'],
    ['Nam Triều Tiên', 'KR', 'Hàn Quốc'],
    ['Ác-hen-ti-na', 'AR', 'Argentina'],
    ['Người không quốc tịch (Stateless person)', STATELESS_CODE, 'Người không quốc tịch'],
    ['quốc tịch Việt Nam', 'VN', 'Việt Nam'],
    ['Nhật Bản (Japanese)', 'JP', 'Nhật Bản'],
  ])('%s is an alias of %s (%s)', (text, code, name) => {
    expect(resolveNationality(text)).toEqual({ status: 'alias', iso2: code, name });
  });
  it('resolves every CLDR Vietnamese name to its country', () => {
    for (const [code, names] of Object.entries(vi.countries as Record<string, string | string[]>)) {
      for (const name of typeof names === 'string' ? [names] : names) expect(iso(name), name).toBe(code);
    }
  });
  it('has no name shared by two countries', () => {
    expect(ambiguousNationalityKeys()).toEqual([]);
  });
  it('knows nothing else', () => {
    for (const t of ['Klingon', '', '  ', 'Kinh', 'Atlantis (Atlantean)']) expect(resolveNationality(t)).toEqual({ status: 'unknown' });
  });
});

describe('listNationalities', () => {
  const list = listNationalities();
  it('starts with Việt Nam and holds every country once, plus stateless', () => {
    expect(list[0]).toEqual({ iso2: 'VN', name: 'Việt Nam' });
    expect(list.length).toBe(Object.keys(vi.countries).length + 1);
    expect(new Set(list.map((n) => n.iso2)).size).toBe(list.length);
    expect(list.some((n) => n.iso2 === STATELESS_CODE)).toBe(true);
  });
  it('sorts the rest in Vietnamese order, and every name resolves exactly', () => {
    const collator = new Intl.Collator('vi');
    const rest = list.slice(1).map((n) => n.name);
    expect(rest).toEqual([...rest].sort(collator.compare));
    for (const n of list) expect(resolveNationality(n.name), n.name).toEqual({ status: 'exact', ...n });
  });
});

describe('nationalityIssue', () => {
  it('says nothing about a canonical name or empty text', () => {
    expect(nationalityIssue('Việt Nam')).toBeUndefined();
    expect(nationalityIssue('Nhật Bản ')).toBeUndefined();
    expect(nationalityIssue('')).toBeUndefined();
  });
  it('warns about an alias and names the canonical country', () => {
    const issue = nationalityIssue('Mỹ');
    expect(issue).toMatchObject({ code: 'nationality.alias', severity: 'WARNING' });
    expect(issue?.message).toContain('"Hoa Kỳ"');
  });
  it('refuses an unknown name', () => {
    expect(nationalityIssue('Klingon')).toMatchObject({ code: 'nationality.unknown', severity: 'ERROR' });
  });
});

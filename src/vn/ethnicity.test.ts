import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, ETHNICITY_OTHER } from './ethnic-groups.js';
import { ambiguousEthnicityKeys, ethnicityIssue, resolveEthnicity, type EthnicityMatch } from './ethnicity.js';

/** DOMAIN.md §5.3, in order. */
const DOMAIN_ORDER = [
  'Kinh',
  'Tày',
  'Thái',
  'Hoa',
  'Khơ-me',
  'Mường',
  'Nùng',
  'Mông',
  'Dao',
  'Gia-rai',
  'Ngái',
  'Ê-đê',
  'Ba Na',
  'Xơ-Đăng',
  'Sán Chay',
  'Cơ-ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Ra-glai',
  'Xtiêng',
  'Bru-Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ-tu',
  'Gié Triêng',
  'Mạ',
  'Khơ-mú',
  'Co',
  'Tà-ôi',
  'Chơ-ro',
  'Kháng',
  'Xinh-mun',
  'Hà Nhì',
  'Chu-ru',
  'Lào',
  'La Chí',
  'La Ha',
  'Phù Lá',
  'La Hủ',
  'Lự',
  'Lô Lô',
  'Chứt',
  'Mảng',
  'Pà Thẻn',
  'Cơ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ Đu',
  'Rơ Măm',
  'Người nước ngoài',
];

function codeOf(m: EthnicityMatch): string | undefined {
  return m.status === 'exact' || m.status === 'alias' ? m.group.code : undefined;
}

function candidateCodes(m: EthnicityMatch): string[] {
  return m.status === 'ambiguous' ? m.candidates.map((g) => g.code) : [];
}

describe('ETHNIC_GROUPS', () => {
  it('lists 54 groups with codes 01-54 in the DOMAIN order, then 55', () => {
    expect(ETHNIC_GROUPS.map((g) => g.name)).toEqual(DOMAIN_ORDER);
    ETHNIC_GROUPS.forEach((g, i) => expect(g.code).toBe(String(i + 1).padStart(2, '0')));
  });
});

describe('resolveEthnicity', () => {
  it('resolves each canonical name exactly, whatever the case, form or blanks (Thổ aside)', () => {
    for (const g of [...ETHNIC_GROUPS, ETHNICITY_OTHER].filter((x) => x.name !== 'Thổ')) {
      const forms = [g.name, g.name.toUpperCase(), g.name.toLowerCase(), ` ${g.name.normalize('NFD')} `];
      for (const form of [...forms, g.name.replace(/-/g, ' ')]) {
        const m = resolveEthnicity(form);
        expect(m.status, form).toBe('exact');
        expect(codeOf(m), form).toBe(g.code);
      }
    }
  });
  it('accepts MoJ spellings that differ only in spaces or hyphens as exact', () => {
    const spellings = [
      ['Khơ Me', '05'],
      ['Gia Rai', '10'],
      ['Xơ Đăng', '14'],
      ['Ê Đê', '12'],
      ['Cơ Ho', '16'],
      ['Bru Vân Kiều', '23'],
      ['Chơ Ro', '32'],
      ['Tà Ôi', '31'],
      ['Raglai', '21'],
    ] as const;
    for (const [text, code] of spellings) {
      expect(resolveEthnicity(text)).toMatchObject({ status: 'exact' });
      expect(codeOf(resolveEthnicity(text)), text).toBe(code);
    }
  });
  it.each([
    ['Mèo', '08'],
    ['HMông', '08'],
    ["H'Mông", '08'],
    ['Hmong', '08'],
    ['Mán', '09'],
    ['Khmer', '05'],
    ['RaGlay', '21'],
    ['Giẻ-Triêng', '27'],
    ['Bru', '23'],
    ['Vân Kiều', '23'],
    ['Ede', '12'],
    ['Jarai', '10'],
    ['Sedang', '14'],
    ["H're", '19'],
    ['Hre', '19'],
    ["K'Ho", '16'],
    ['Stiêng', '22'],
    ['Chàm', '17'],
    ['Việt', '01'],
    ['Cao Lan', '15'],
    ['Nhắng', '25'],
    ['Mèo Đỏ', '08'],
  ])('%s is an alias of %s', (text, code) => {
    const m = resolveEthnicity(text);
    expect(m.status).toBe('alias');
    expect(codeOf(m)).toBe(code);
    expect(m.status === 'alias' && m.alias).toBe(text);
  });
  it.each([
    ['Ba Na (Bơ-nâm)', '13'],
    ['Khơ Me (Thổ)', '05'],
    ['Mông (Hoa)', '08'],
    ['Sán Dìu (Mán)', '18'],
    ['Dao (Mán)', '09'],
    ['Tày (Thổ)', '02'],
    ['Thổ (Khơ Me)', '05'],
    ['Thổ (Kẹo)', '24'],
    ['Mông (Mèo)', '08'],
    ['(Mèo)', '08'],
    ['RaGlay (Ra-glai)', '21'],
  ])('bracket form %s is an alias of %s', (text, code) => {
    const m = resolveEthnicity(text);
    expect(m.status).toBe('alias');
    expect(codeOf(m)).toBe(code);
  });
  it('reports names shared by several groups as ambiguous', () => {
    expect(candidateCodes(resolveEthnicity('Thổ'))).toEqual(['24', '02', '05']);
    expect(candidateCodes(resolveEthnicity('thô'))).toEqual(['24', '02', '05']);
    expect(candidateCodes(resolveEthnicity('Xá'))).toEqual(['29', '33', '34', '39', '45']);
    expect(candidateCodes(resolveEthnicity('Trại'))).toEqual(['09', '18']);
    expect(candidateCodes(resolveEthnicity('Thổ (Mường)'))).toEqual(['24', '02', '05']);
  });
  it('has no ambiguity other than the deliberate ones', () => {
    expect(ambiguousEthnicityKeys().sort()).toEqual(['catang', 'chil', 'ha', 'trai', 'tho', 'xa', 'xakhao', 'xalavang'].sort());
  });
  it('ignores a leading "dân tộc" or "người"', () => {
    expect(resolveEthnicity('dân tộc Kinh')).toMatchObject({ status: 'alias', alias: 'dân tộc Kinh' });
    expect(codeOf(resolveEthnicity('DT Mường'))).toBe('06');
    expect(codeOf(resolveEthnicity('người Hoa'))).toBe('04');
    expect(codeOf(resolveEthnicity('Dân tộc Mèo'))).toBe('08');
  });
  it('resolves every alias to its group, or to an ambiguity that includes it', () => {
    for (const g of ETHNIC_GROUPS) {
      for (const alias of g.aliases) {
        const m = resolveEthnicity(alias);
        if (m.status === 'ambiguous') expect(candidateCodes(m), alias).toContain(g.code);
        else expect(codeOf(m), alias).toBe(g.code);
      }
    }
  });
  it('knows nothing else', () => {
    for (const t of ['Klingon', '', '   ', 'Việt Nam', 'Kinhh', 'Dân tộc']) {
      expect(resolveEthnicity(t).status, t).toBe('unknown');
    }
  });
});

describe('ethnicityIssue', () => {
  it('says nothing about a canonical name or empty text', () => {
    expect(ethnicityIssue('Kinh')).toBeUndefined();
    expect(ethnicityIssue('Khác')).toBeUndefined();
    expect(ethnicityIssue('')).toBeUndefined();
  });
  it('warns about an alias and names the canonical group', () => {
    const issue = ethnicityIssue('Mèo');
    expect(issue).toMatchObject({ code: 'ethnicity.alias', severity: 'WARNING' });
    expect(issue?.message).toContain('"Mông"');
    expect(issue?.message).toContain('08');
  });
  it('warns about an ambiguous name and lists the candidates', () => {
    const issue = ethnicityIssue('Thổ');
    expect(issue).toMatchObject({ code: 'ethnicity.ambiguous', severity: 'WARNING' });
    for (const name of ['Thổ', 'Tày', 'Khơ-me']) expect(issue?.message).toContain(name);
  });
  it('refuses an unknown name', () => {
    expect(ethnicityIssue('Klingon')).toMatchObject({ code: 'ethnicity.unknown', severity: 'ERROR' });
    expect(ethnicityIssue('Klingon')?.message).toContain('Klingon');
  });
});

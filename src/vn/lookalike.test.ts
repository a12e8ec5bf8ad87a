import { describe, expect, it } from 'vitest';
import { findForbiddenCharacter, forbiddenCharacterIssue } from './characters.js';
import { findLookalikes, lookalikeIssue } from './lookalike.js';
import { cleanText, convertLegacyText, legacyEncodingIssue } from './text.js';

describe('look-alike letters', () => {
  it('Ð (U+00D0, eth) for Đ (U+0110) is an ERROR with the corrected text', () => {
    const issue = lookalikeIssue('\u00D0ặng Văn Nam');
    expect(issue).toMatchObject({ code: 'text.lookalike', severity: 'ERROR', fix: { value: 'Đặng Văn Nam', label: 'Sửa thành: Đặng Văn Nam' } });
    expect(issue?.message).toContain('U+00D0');
    expect(issue?.fix?.value.charCodeAt(0)).toBe(0x0110);
    expect(findLookalikes('Nguyễn Văn \u00F0ức')?.fixed).toBe('Nguyễn Văn đức');
  });
  it('Cyrillic and Greek letters among Latin ones, marks kept', () => {
    expect(findLookalikes('Nguyễn V\u0430n T\u043E\u0300an')?.fixed).toBe('Nguyễn Van Tòan');
    expect(findLookalikes('\u0422rần \u039Fanh')?.fixed).toBe('Trần Oanh');
    expect(findLookalikes('L\u0435\u0302 Thị')?.fixed).toBe('Lê Thị');
  });
  it('leaves clean Vietnamese and whole Cyrillic or Greek values alone', () => {
    expect(lookalikeIssue('Đặng Thị Ánh Nguyệt')).toBeUndefined();
    expect(lookalikeIssue('Иванов Сергей')).toBeUndefined();
    expect(lookalikeIssue('Παπαδόπουλος')).toBeUndefined();
  });
});

describe('forbidden characters', () => {
  it('finds NUL, controls, lone surrogates by position', () => {
    expect(findForbiddenCharacter('ab\u0000c')).toEqual({ position: 3, codePoint: 'U+0000', name: 'ký tự NUL' });
    expect(findForbiddenCharacter('a\u0007')).toMatchObject({ position: 2, codePoint: 'U+0007' });
    expect(findForbiddenCharacter('a\u0085')).toMatchObject({ codePoint: 'U+0085' });
    expect(findForbiddenCharacter('x\uD800y')).toMatchObject({ position: 2, codePoint: 'U+D800' });
    expect(findForbiddenCharacter('😀\uDC00')).toMatchObject({ position: 2, codePoint: 'U+DC00' });
  });
  it('accepts surrogate pairs, and line breaks only where the field is multi-line', () => {
    expect(findForbiddenCharacter('Nguyễn 😀 𠀀')).toBeUndefined();
    expect(findForbiddenCharacter('dòng 1\ndòng 2')).toMatchObject({ codePoint: 'U+000A' });
    expect(findForbiddenCharacter('dòng 1\r\n\tdòng 2', { multiline: true })).toBeUndefined();
  });
  it('is an ERROR naming the place', () => expect(forbiddenCharacterIssue('ab\u0000')?.message).toMatch(/NUL ở vị trí 3/));
});

describe('legacy encodings are offered converted', () => {
  it('TCVN3 (ABC) name: the fix holds the Unicode text', () => {
    const issue = legacyEncodingIssue(cleanText('NguyÔn ThÞ H\u00AD¬ng'));
    expect(issue).toMatchObject({ code: 'text.legacy_encoding', severity: 'ERROR', fix: { value: 'Nguyễn Thị Hương', label: 'Chuyển sang Unicode: Nguyễn Thị Hương' } });
    expect(issue?.message).toContain('Đề xuất: "Nguyễn Thị Hương"');
  });
  it('VNI name, including words that look like Vietnamese as written ("Thò" is Thị)', () => {
    expect(legacyEncodingIssue('Nguyeãn Thò Höông')?.fix?.value).toBe('Nguyễn Thị Hương');
  });
  it('keeps a Unicode word the decoding would break', () => expect(convertLegacyText('Hà NguyÔn', 'TCVN3')).toBe('Hà Nguyễn'));
});

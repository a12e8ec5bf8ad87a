/**
 * Personal ID numbers (số định danh cá nhân / CCCD, 12 digits; DOMAIN §5.1)
 * and the old 9-digit identity card (CMND).
 * Digits 1–3: place of birth (id-place-codes.ts). Digit 4: century and sex,
 * even = male, odd = female, century = 1900 + 100 × floor(d / 2), so 0/1 are
 * the 1900s, 2/3 the 2000s. Digits 5–6: last two digits of the birth year.
 * Digits 7–12: serial. There is no check digit.
 * Checks: personal_id.format, personal_id.place_code, personal_id.sex_mismatch,
 * personal_id.birth_year_mismatch (all ERROR); id_card.format for a CMND.
 */
import { makeIssue, type VnIssue } from './finding.js';
import { idPlaceKind } from './id-place-codes.js';
import { cleanText } from './text.js';

export type Sex = 'male' | 'female';

export interface DecodedPersonalId {
  placeCode: string;
  sex: Sex;
  birthYear: number;
}

export interface PersonalIdExpectation {
  sex?: Sex;
  birthYear?: number;
}

const TWELVE_DIGITS_RE = /^\d{12}$/;

/** Place, sex and birth year encoded in a 12-digit ID; undefined when not 12 digits. */
export function decodePersonalId(id: string): DecodedPersonalId | undefined {
  const s = cleanText(id);
  if (!TWELVE_DIGITS_RE.test(s)) return undefined;
  const centurySex = Number(s[3]);
  return {
    placeCode: s.slice(0, 3),
    sex: centurySex % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + 100 * Math.floor(centurySex / 2) + Number(s.slice(4, 6)),
  };
}

const SEX_LABEL: Record<Sex, string> = { male: 'nam', female: 'nữ' };

function formatIssue(s: string): VnIssue {
  return makeIssue('personal_id.format', 'ERROR', `Số định danh cá nhân phải gồm đúng 12 chữ số, không có dấu cách hay ký tự khác (đang là "${s}")`);
}

function placeIssue(code: string): VnIssue {
  return makeIssue('personal_id.place_code', 'ERROR', `Ba chữ số đầu "${code}" không phải mã tỉnh (một trong 63 mã 001–096) hay mã quốc gia (100–299) hợp lệ`);
}

function expectationIssues(decoded: DecodedPersonalId, expect: PersonalIdExpectation): VnIssue[] {
  const issues: VnIssue[] = [];
  if (expect.sex !== undefined && expect.sex !== decoded.sex) {
    issues.push(makeIssue('personal_id.sex_mismatch', 'ERROR', `Chữ số thứ 4 của số định danh ứng với giới tính ${SEX_LABEL[decoded.sex]}, ` + `nhưng người này là ${SEX_LABEL[expect.sex]}`));
  }
  if (expect.birthYear !== undefined && expect.birthYear !== decoded.birthYear) {
    issues.push(makeIssue('personal_id.birth_year_mismatch', 'ERROR', `Chữ số thứ 4–6 của số định danh ứng với năm sinh ${decoded.birthYear}, khác năm sinh ${expect.birthYear}`));
  }
  return issues;
}

/** Structure of a 12-digit personal ID, and its agreement with sex and birth year when given. */
export function checkPersonalId(id: string, expect: PersonalIdExpectation = {}): VnIssue[] {
  const s = cleanText(id);
  const decoded = decodePersonalId(s);
  if (!decoded) return [formatIssue(s)];
  const issues = idPlaceKind(decoded.placeCode) ? [] : [placeIssue(decoded.placeCode)];
  return [...issues, ...expectationIssues(decoded, expect)];
}

/** Old identity card number: 9 digits (CMND), or 12 digits checked as a personal ID (CCCD). */
export function checkOldIdCard(no: string): VnIssue[] {
  const s = cleanText(no);
  if (/^\d{9}$/.test(s)) return [];
  if (TWELVE_DIGITS_RE.test(s)) return checkPersonalId(s);
  return [makeIssue('id_card.format', 'ERROR', `Số CMND phải gồm 9 chữ số (hoặc 12 chữ số nếu là thẻ căn cước công dân) (đang là "${s}")`)];
}

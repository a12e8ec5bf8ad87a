/**
 * vn — pure Vietnamese helpers: text hygiene (NFC, whitespace, legacy TCVN3/VNI
 * fonts), search keys, tone-mark placement, name casing, partial dates and
 * dates in words, lunar dates (Vietnamese lunisolar calendar, Can Chi years)
 * converted to solar, look-alike letters (Ð for Đ, Cyrillic, Greek) and
 * forbidden control characters, personal-ID checks, ethnic groups and
 * nationalities. A check may offer a fix (the corrected value) the user confirms.
 * Invariants: no I/O, no clock, no globals that change; every function is
 * deterministic. Output strings are NFC. Identifiers are English, every text a
 * user reads is Vietnamese. Checks return VnIssue with a stable `code`; callers
 * keep the register's original text and use these only to flag or to index.
 * Reference data (63 ID province codes, 54 ethnic groups) is written in the code
 * as facts; country names come from i18n-iso-countries (CLDR `vi`).
 */
export * from './finding.js';
export * from './text.js';
export * from './legacy-encoding.js';
export * from './lookalike.js';
export * from './characters.js';
export * from './search-key.js';
export * from './tone.js';
export * from './name-keys.js';
export { isVietnameseSyllable } from './syllable.js';
export * from './name-case.js';
export * from './calendar.js';
export * from './partial-date.js';
export * from './number-words.js';
export * from './date-words.js';
export * from './can-chi.js';
export * from './lunar-calendar.js';
export * from './holidays.js';
export { readLunarText, type LunarDateText, type LunarTextParse } from './lunar-text.js';
export * from './lunar-date.js';
export * from './date-text.js';
export * from './id-place-codes.js';
export * from './personal-id.js';
export * from './ethnic-groups.js';
export * from './ethnicity.js';
export * from './nationality.js';

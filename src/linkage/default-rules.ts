/**
 * The province's default deterministic link rules, as data (parsed by
 * parseRules at load, so a bad edit here fails the first test that loads it).
 * A rule that matches proposes the pair whatever its score.
 */
import { parseRules } from './rules.js';

export const DEFAULT_RULES = parseRules({
  rules: [
    {
      id: 'cung-so-quyen',
      label: 'Cùng số, quyển, nơi đăng ký và họ tên gần giống (nhập hai lần)',
      kind: 'duplicate',
      query: {
        type: 'and',
        clauses: [
          { type: 'strict', field: 'so' },
          { type: 'strict', field: 'quyenSo' },
          { type: 'strict', field: 'noiDangKy' },
          { type: 'fuzzy', field: 'HoTen' },
        ],
      },
    },
    {
      id: 'ten-ngay-sinh-me',
      label: 'Họ tên gần giống, ngày sinh lệch ≤ 5 ngày, họ tên mẹ gần giống',
      kind: 'duplicate',
      query: {
        type: 'and',
        clauses: [
          { type: 'fuzzy', field: 'HoTen' },
          { type: 'dateRange', field: 'NgaySinh', days: 5 },
          { type: 'fuzzy', field: 'meHoTen' },
          { type: 'not', clause: { type: 'strict', field: 'GioiTinh', value: '3' } },
        ],
      },
    },
    {
      id: 'cung-so-dinh-danh',
      label: 'Cùng số định danh cá nhân và họ tên gần giống',
      kind: 'death',
      query: {
        type: 'and',
        clauses: [
          { type: 'strict', field: 'SoDinhDanh' },
          { type: 'fuzzy', field: 'HoTen' },
        ],
      },
    },
  ],
});

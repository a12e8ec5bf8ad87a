/** The web's role and organization-kind words are the server's, word for word; scopes read as the issue says. */
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS, ROLES, type GrantView } from '../../auth/index.js';
import { foldText, ORGANIZATION_KIND_LABELS, ROLE_LABELS, scopeText, unitHitText } from './labels.js';

const grant = (g: Partial<GrantView>): GrantView => ({ id: '1', userId: 'u', kind: 'all', unit: null, book: null, grantedAt: '', ...g });

describe('admin labels', () => {
  it('are the server lists', () => {
    expect(ROLE_LABELS).toEqual(ROLES);
    expect(ORGANIZATION_KIND_LABELS).toEqual(ORGANIZATION_KINDS);
  });

  it('describe a scope', () => {
    expect(scopeText([])).toBe('Không thấy quyển sổ nào');
    expect(scopeText([grant({ kind: 'all' })])).toBe('Toàn bộ');
    const unit = grant({ kind: 'unit', unit: { id: 'legacy:commune:1', name: 'Xã An Nhơn' } });
    const book = grant({ kind: 'book', book: { id: 'b', title: 'KS quyển 2 năm 2008 — UBND xã An Nhơn' } });
    expect(scopeText([unit, book])).toBe('Xã An Nhơn; Sổ KS quyển 2 năm 2008 — UBND xã An Nhơn');
    expect(unitHitText({ path: 'Xã An Nhơn, Huyện Đạ Tẻh', level: 'commune', scheme: 'legacy' })).toBe('Xã An Nhơn, Huyện Đạ Tẻh (cấp xã, trước 01.07.2025)');
  });

  it('fold text for filters', () => {
    expect(foldText('UBND xã Đạ Tẻh')).toBe('ubnd xa da teh');
    expect(foldText('Đạ Tẻh'.normalize('NFD'))).toBe('da teh');
  });
});

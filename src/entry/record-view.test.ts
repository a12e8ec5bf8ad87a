/**
 * A record's findings are computed once per values object and day (a write
 * reads them up to three times): the same state as of another day, or a new
 * state, is validated again.
 */
import { describe, expect, it } from 'vitest';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { fold, type FoldableAction } from './fold.js';
import { recordFindings } from './record-view.js';

const BOOK = '11111111-1111-4111-8111-111111111111';
const PAGE = '22222222-2222-4222-8222-222222222222';
const at = new Date(Date.UTC(2026, 10, 25, 8));
const act = (kind: string, payload: unknown): FoldableAction => ({ kind, payload, actor_id: null, created_at: at });
const created = act('created', { bookId: BOOK, registerType: 'KS', templateId: 'KS-70', pageIds: [PAGE], regions: [] });
const codes = (today: Date, values: Record<string, string>) =>
  recordFindings(fold([created, act('keyed', { values })]), today)
    .filter((f) => f.path === 'ngayDangKy')
    .map((f) => f.code);

describe('recordFindings', () => {
  it('validates the same values again on another day, and new values again', () => {
    const values = { ...CLEAN_KS_RECORD, ngayDangKy: '26.11.2026', loaiDangKy: '4' };
    const state = fold([created, act('keyed', { values })]);
    const on25 = new Date(Date.UTC(2026, 10, 25, 12));
    const on26 = new Date(Date.UTC(2026, 10, 26, 12));
    expect(recordFindings(state, on25).map((f) => f.code)).toContain('date.future');
    expect(recordFindings(state, on26).map((f) => f.code)).not.toContain('date.future');
    expect(codes(on25, { ...values, ngayDangKy: '20.11.2026' })).toEqual([]);
  });
});

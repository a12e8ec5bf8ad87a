/**
 * The pure parts of keying, without a database: the fold of actions into the
 * record state, the plan of a save, and the details of a stale-version
 * conflict.
 */
import { describe, expect, it } from 'vitest';
import { changesSince } from './changes-since.js';
import { fold, type FoldableAction } from './fold.js';
import { planSave, saveTxIds, valueChanges } from './save-plan.js';

const BOOK = '11111111-1111-4111-8111-111111111111';
const PAGE = '22222222-2222-4222-8222-222222222222';
const ANH = '33333333-3333-4333-8333-333333333333';
const BINH = '44444444-4444-4444-8444-444444444444';
const at = (min: number) => new Date(Date.UTC(2026, 10, 25, 8, min));
const act = (kind: string, payload: unknown, actor: string | null = ANH, min = 0): FoldableAction => ({ kind, payload, actor_id: actor, created_at: at(min) });
const created = act('created', { bookId: BOOK, registerType: 'KS', templateId: 'KS-70', pageIds: [PAGE], regions: [{ pageId: PAGE, x: 0, y: 0.5, w: 1, h: 0.5 }] });

describe('fold', () => {
  it('starts a draft from the created action', () => {
    expect(fold([created])).toEqual({
      bookId: BOOK,
      registerType: 'KS',
      templateId: 'KS-70',
      status: 'draft',
      version: 1,
      values: {},
      flags: {},
      acknowledged: [],
      pageIds: [PAGE],
      regions: [{ pageId: PAGE, x: 0, y: 0.5, w: 1, h: 0.5 }],
      keyedBy: null,
      completedAt: null,
      updatedAt: at(0),
      keyingOf: null,
      keyingPass: null,
    });
  });

  it('takes agreed and arbitrated values on a registration; verified changes only the version (src/qc)', () => {
    const PASS = '33333333-3333-4333-8333-333333333333';
    const s = fold([
      created,
      act('compared', { round: 1, passA: PASS, passB: PASS, values: { so: '15' }, disagreements: ['nksHoTen'], acknowledged: ['ks.parent_age'] }, null, 1),
      act('arbitrated', { round: 1, values: { nksHoTen: 'Phạm Anh Đài' }, choices: { nksHoTen: 'other' } }, BINH, 2),
      act('verified', { fields: ['so'] }, BINH, 3),
    ]);
    expect(s).toMatchObject({ values: { so: '15', nksHoTen: 'Phạm Anh Đài' }, acknowledged: ['ks.parent_age'], version: 4, keyedBy: null, status: 'draft' });
  });

  it('applies values, flags, acknowledgements, completion and reopening in order', () => {
    const s = fold([
      created,
      act('keyed', { values: { so: '15', nksHoTen: 'Phạm Anh Đài' } }, ANH, 1),
      act('flagged', { flags: { nksHoTen: { kind: 'uncertain', note: 'mực nhòe' } } }, ANH, 2),
      act('keyed', { values: { so: null, trangSo: '55' } }, BINH, 3),
      act('warnings_acknowledged', { codes: ['ks.parent_age'] }, ANH, 4),
      act('warnings_acknowledged', { codes: ['ks.parent_age', 'ethnicity.alias'] }, ANH, 5),
      act('completed', {}, ANH, 6),
    ]);
    expect(s).toMatchObject({
      status: 'completed',
      version: 7,
      values: { nksHoTen: 'Phạm Anh Đài', trangSo: '55' },
      keyedBy: BINH,
      flags: { nksHoTen: { kind: 'uncertain', note: 'mực nhòe' } },
      acknowledged: ['ks.parent_age', 'ethnicity.alias'],
      completedAt: at(6),
      updatedAt: at(6),
    });
    const reopened = fold([created, act('completed', {}, ANH, 1), act('reopened', { reason: 'sai số' }, BINH, 2), act('flagged', { flags: { x: null } }, ANH, 3)]);
    expect(reopened).toMatchObject({ status: 'draft', completedAt: null, version: 4, flags: {} });
  });

  it('is pure: the same actions give equal states', () => {
    const actions = [created, act('keyed', { values: { so: '1' } }, null, 1)];
    expect(fold(actions)).toEqual(fold([...actions]));
  });

  it('refuses histories it does not understand', () => {
    expect(() => fold([])).toThrow(/created/);
    expect(() => fold([act('keyed', { values: {} })])).toThrow(/first action/);
    expect(() => fold([created, created])).toThrow(/only once/);
    expect(() => fold([created, act('approved_by_magic', {})])).toThrow();
    expect(() => fold([created, act('keyed', { values: { so: 7 } })])).toThrow();
  });
});

describe('planSave', () => {
  const keys = new Set(['so', 'nksHoTen', 'trangSo']);
  const draft = fold([created, act('keyed', { values: { so: '15', nksHoTen: 'Phạm Anh Đài' } }, ANH, 1)]);

  it('keeps only what changes, cleaned (NFC, spaces) but spelled as given', () => {
    expect(valueChanges(draft.values, { so: '15', nksHoTen: '  Phạm  Anh Đài'.normalize('NFD'), trangSo: ' 55 ' })).toEqual({ trangSo: '55' });
    expect(valueChanges(draft.values, { so: '', nksHoTen: 'PHẠM ANH ĐÀI', trangSo: null })).toEqual({ so: null, nksHoTen: 'PHẠM ANH ĐÀI' });
  });

  it('splits a save into keyed, flagged and acknowledged actions with derived transaction ids', () => {
    const planned = planSave(draft, { values: { trangSo: '55' }, flags: { so: { kind: 'illegible', note: '' } }, acknowledge: ['a', 'a'] }, 'tx-00000001', keys);
    expect(planned.map((p) => [p.clientTxId, p.body.kind])).toEqual([
      ['tx-00000001', 'keyed'],
      ['tx-00000001#flags', 'flagged'],
      ['tx-00000001#ack', 'warnings_acknowledged'],
    ]);
    expect(planned[2]!.body.payload).toEqual({ codes: ['a'] });
    expect(saveTxIds('tx-00000001')).toEqual(['tx-00000001', 'tx-00000001#flags', 'tx-00000001#ack']);
  });

  it('writes corrections on a completed record and nothing when nothing changes', () => {
    const done = fold([created, act('completed', {}, ANH, 1)]);
    expect(planSave(done, { values: { so: '16' } }, 'tx-00000002', keys).map((p) => p.body.kind)).toEqual(['corrected']);
    expect(planSave(draft, { values: { so: '15' }, flags: { so: null } }, 'tx-00000003', keys)).toEqual([]);
  });

  it('refuses a flag on a column the template does not have', () => {
    expect(() => planSave(draft, { flags: { khongCo: { kind: 'uncertain', note: '' } } }, 'tx-00000004', keys)).toThrow(/khongCo/);
  });
});

describe('changesSince', () => {
  it('lists the fields changed after a version with their current values and authors', () => {
    const history = [
      created,
      act('keyed', { values: { so: '15', nksHoTen: 'An' } }, ANH, 1),
      act('keyed', { values: { nksHoTen: 'Bình' } }, BINH, 2),
      act('keyed', { values: { so: null, nksHoTen: 'Bính' } }, ANH, 3),
      act('flagged', { flags: { so: { kind: 'illegible', note: '' } } }, BINH, 4),
    ];
    const d = changesSince(history, 2, fold(history));
    expect(d).toMatchObject({ expectedVersion: 2, currentVersion: 5, status: 'draft', acknowledged: [] });
    expect(d.fields).toEqual([
      { key: 'nksHoTen', value: 'Bính', changedBy: [BINH, ANH], version: 4 },
      { key: 'so', value: null, changedBy: [ANH], version: 4 },
    ]);
    expect(d.flags).toEqual([{ key: 'so', flag: { kind: 'illegible', note: '' }, changedBy: [BINH], version: 5 }]);
    expect(d.actions.map((a) => [a.version, a.kind, a.actorId])).toEqual([
      [3, 'keyed', BINH],
      [4, 'keyed', ANH],
      [5, 'flagged', BINH],
    ]);
  });
});

/**
 * Double keying on both backends: two independent passes with known
 * differences give exactly those disagreements (whitespace, NFD and
 * tone-placement differences count as equal, a missing diacritic does not);
 * arbitration by a third person resolves them and the registration takes the
 * decided values; a keyer cannot arbitrate their own registration; the
 * comparison is idempotent; critical-only mode compares only critical fields
 * and takes the other fields from pass A; the keyer outcomes follow.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { as, grantUsers, insertUsers } from '../../test/support/users.js';
import { testContext } from '../../test/support/context.js';
import { fakeIncomingPage } from '../../test/support/fixtures.js';
import { CLEAN_KS_RECORD } from '../../test/support/records.js';
import { rejection } from '../../test/support/errors.js';
import { createBook, storeIngestedFile } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { fold, getRecordView, listActions, listBookRecords, saveRecord, stateOfRow, findRecord, type RecordView } from '../entry/index.js';
import {
  claimPass,
  compareBook,
  compareIfReady,
  completePass,
  countKeyedFields,
  createRecordInBook,
  decide,
  keyingQueue,
  listArbitrationOutcomes,
  nextArbitration,
  setQcMode,
  type ArbitrationItem,
} from './index.js';

let seq = 0;
const tx = () => `tx-qc-dk-${String(++seq).padStart(6, '0')}`;

const A_VALUES: Record<string, string> = { ...CLEAN_KS_RECORD, nksNoiSinh: 'Bệnh viện Hoà Bình' };
/** B differs from A: so (real), nksHoTen (missing diacritic: real), chaHoTen (real); whitespace, NFD and tone placement only elsewhere. */
const B_VALUES: Record<string, string> = {
  ...CLEAN_KS_RECORD,
  so: '16',
  nksHoTen: 'Phạm Anh Dài',
  chaHoTen: 'Phạm Văn Tùng',
  meHoTen: '  Nguyễn  Thị Lan '.normalize('NFD'),
  nksNoiSinh: 'Bệnh viện Hòa Bình',
};

describeBackends('double keying', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let anh = '';
  let binh = '';
  let cuc = '';
  const users: Record<string, string> = {};

  async function bookWithPages(mode: 'double_blind' | 'double_critical', tag: string): Promise<{ bookId: string; pageIds: string[] }> {
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã An Nhơn', yearFrom: 2008, volumeNo: `0${seq}/2008` });
    const sha = (tag.charCodeAt(0) % 16).toString(16).repeat(64);
    const pages = (await storeIngestedFile(ctx, book.id, { name: `${tag}.pdf`, sha256: sha, kind: 'pdf', original: Buffer.from(tag), pages: [fakeIncomingPage(1, tag)] })).pages;
    await setQcMode(ctx, { bookId: book.id, mode });
    return { bookId: book.id, pageIds: pages.map((p) => p.id) };
  }

  async function keyAndComplete(pass: RecordView, values: Record<string, string>, actorId: string) {
    const saved = await saveRecord(await as(ctx, actorId), { recordId: pass.id, clientTxId: tx(), expectedVersion: pass.version, values });
    return completePass(await as(ctx, actorId), { recordId: pass.id, clientTxId: tx(), expectedVersion: saved.version });
  }

  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    const rows = await ctx.store.db
      .insertInto('users')
      .values([
        { login: 'qc-anh', role: 'keyer', password_hash: null },
        { login: 'qc-binh', role: 'keyer', password_hash: null },
        { login: 'qc-cuc', role: 'reviewer', password_hash: null },
      ])
      .returning('id')
      .execute();
    [anh, binh, cuc] = rows.map((u) => u.id) as [string, string, string];
    await grantUsers(ctx, [anh, binh, cuc]);
    Object.assign(users, { anh, binh, cuc });
  });
  afterAll(() => dispose());

  it('compares two blind passes, and arbitration by a third person completes the registration', async () => {
    const { bookId, pageIds } = await bookWithPages('double_blind', 'a');
    const passA = await createRecordInBook(await as(ctx, anh), { bookId, pageIds, clientTxId: tx() });
    expect(passA).toMatchObject({ keyingPass: 'A', values: {} });
    const regId = passA.keyingOf!;
    expect((await listBookRecords(ctx, bookId)).map((r) => r.id)).toEqual([regId]);
    expect((await keyingQueue(await as(ctx, binh), bookId)).items).toEqual([{ registrationId: regId, pageIds, myPass: null }]);

    const passB = await claimPass(await as(ctx, binh), { registrationId: regId, clientTxId: tx() });
    expect(passB).toMatchObject({ keyingPass: 'B', keyingOf: regId });
    expect((await claimPass(await as(ctx, anh), { registrationId: regId, clientTxId: tx() })).id).toBe(passA.id);
    expect((await rejection(claimPass(await as(ctx, cuc), { registrationId: regId, clientTxId: tx() }))).code).toBe('auth.forbidden');
    expect((await rejection(claimPass(ctx, { registrationId: regId, clientTxId: tx() }))).code).toBe('qc.passes_taken');

    expect((await keyAndComplete(passA, A_VALUES, anh)).comparison.outcome).toBe('waiting');
    expect((await getRecordView(ctx, regId)).values).toEqual({});
    expect((await keyAndComplete(passB, B_VALUES, binh)).comparison.outcome).toBe('compared');

    const reg = await getRecordView(ctx, regId);
    expect(reg.status).toBe('draft');
    expect(reg.values.meHoTen).toBe('Nguyễn Thị Lan');
    expect(reg.values.nksNoiSinh).toBe('Bệnh viện Hoà Bình');
    for (const k of ['so', 'nksHoTen', 'chaHoTen']) expect(reg.values[k]).toBeUndefined();
    const open = await ctx.store.db.selectFrom('qc_disagreements').selectAll().where('record_id', '=', regId).orderBy('id').execute();
    expect(open.map((d) => [d.field_key, d.value_a, d.value_b])).toEqual([
      ['so', '15', '16'],
      ['nksHoTen', 'Phạm Anh Đài', 'Phạm Anh Dài'],
      ['chaHoTen', 'Phạm Văn Tú', 'Phạm Văn Tùng'],
    ]);

    const versionBefore = reg.version;
    expect((await compareIfReady(ctx, regId)).outcome).toBe('already_compared');
    expect(await compareBook(ctx, bookId)).toMatchObject({ compared: 0, alreadyCompared: 1 });
    expect((await getRecordView(ctx, regId)).version).toBe(versionBefore);

    // Keyers may not arbitrate at all (qc.arbitrate); who may, never gets a registration she keyed (below, with an officer).
    expect((await rejection(nextArbitration(await as(ctx, anh), bookId))).kind).toBe('forbidden');
    for (const keyer of [anh, binh]) {
      expect((await rejection(decide(await as(ctx, keyer), { disagreementId: String(open[0]!.id), choice: 'first' }))).kind).toBe('forbidden');
    }

    const pick = (item: ArbitrationItem, value: string) => (item.values[0] === value ? 'first' : 'second');
    let next = await nextArbitration(await as(ctx, cuc), bookId);
    expect(next.remaining).toBe(3);
    expect(next.item).toMatchObject({ fieldKey: 'so', critical: true, registrationId: regId, pageIds });
    expect([...next.item!.values].sort()).toEqual(['15', '16']);
    await decide(await as(ctx, cuc), { disagreementId: next.item!.id, choice: pick(next.item!, '15') });
    next = await nextArbitration(await as(ctx, cuc), bookId);
    await decide(await as(ctx, cuc), { disagreementId: next.item!.id, choice: 'other', value: 'Phạm Anh Đài' });
    next = await nextArbitration(await as(ctx, cuc), bookId);
    expect(next.item!.fieldKey).toBe('chaHoTen');
    const last = await decide(await as(ctx, cuc), { disagreementId: next.item!.id, choice: 'other', value: ' Phạm Văn  Tuấn ' });
    expect(last).toMatchObject({ remainingOnRecord: 0, registrationCompleted: true, value: 'Phạm Văn Tuấn' });
    expect((await rejection(decide(await as(ctx, cuc), { disagreementId: next.item!.id, choice: 'other', value: 'X' }))).code).toBe('qc.already_decided');

    const done = await getRecordView(ctx, regId);
    expect(done.status).toBe('completed');
    expect(done.values).toMatchObject({ so: '15', nksHoTen: 'Phạm Anh Đài', chaHoTen: 'Phạm Văn Tuấn', meHoTen: 'Nguyễn Thị Lan' });
    const actions = await listActions(ctx.store.db, regId);
    expect(actions.map((a) => a.kind)).toEqual(['created', 'compared', 'arbitrated', 'arbitrated', 'arbitrated', 'completed']);
    // System actions carry no actor (nobody learns who keyed); the arbitrator's decisions and completion carry theirs.
    expect(actions.map((a) => a.actor_id)).toEqual([null, null, cuc, cuc, cuc, cuc]);
    expect(stateOfRow((await findRecord(ctx.store.db, ctx.actor, regId))!)).toEqual(fold(actions));

    const outcomes = await listArbitrationOutcomes(ctx, { bookId });
    expect(outcomes.map((o) => [o.fieldKey, o.erredA, o.erredB, o.keyerA === anh, o.keyerB === binh, o.critical])).toEqual([
      ['so', false, true, true, true, true],
      ['nksHoTen', false, true, true, true, true],
      ['chaHoTen', true, true, true, true, true],
    ]);
    const counts = await countKeyedFields(ctx, { bookId });
    const of = (k: string, g: string) => counts.find((c) => c.keyerId === k && c.group === g && c.source === 'arbitration');
    expect(of(anh, 'critical')).toEqual(of(binh, 'critical') && { ...of(binh, 'critical')!, keyerId: anh });
    expect(of(anh, 'critical')!.fields).toBe(9);
    expect(of(anh, 'other')!.records).toBe(1);
  });

  it('in critical-only mode compares the critical fields and takes the others from pass A', async () => {
    const { bookId, pageIds } = await bookWithPages('double_critical', 'b');
    const passA = await createRecordInBook(await as(ctx, anh), { bookId, pageIds, clientTxId: tx() });
    const passB = await claimPass(await as(ctx, binh), { registrationId: passA.keyingOf!, clientTxId: tx() });
    const critical = ['so', 'ngayDangKy', 'nksHoTen', 'nksGioiTinh', 'nksNgaySinh', 'meHoTen', 'meNgaySinh', 'chaHoTen', 'chaNgaySinh'];
    const bValues = Object.fromEntries(critical.map((k) => [k, CLEAN_KS_RECORD[k]!]));
    await keyAndComplete(passA, { ...CLEAN_KS_RECORD }, anh);
    // Pass B completes with only the critical fields keyed (the other required fields would block a full record).
    expect((await keyAndComplete(passB, { ...bValues, nksGioiTinh: '2' }, binh)).comparison.outcome).toBe('compared');
    const regId = passA.keyingOf!;
    const ds = await ctx.store.db.selectFrom('qc_disagreements').select(['field_key', 'value_a', 'value_b']).where('record_id', '=', regId).execute();
    expect(ds).toEqual([{ field_key: 'nksGioiTinh', value_a: '1', value_b: '2' }]);
    const reg = await getRecordView(ctx, regId);
    expect(reg.values).toEqual(Object.fromEntries(Object.entries(CLEAN_KS_RECORD).filter(([k]) => k !== 'nksGioiTinh')));
    const item = (await nextArbitration(await as(ctx, cuc), bookId)).item!;
    await decide(await as(ctx, cuc), { disagreementId: item.id, choice: item.values[0] === '1' ? 'first' : 'second' });
    expect(await getRecordView(ctx, regId)).toMatchObject({ status: 'completed', values: { ...CLEAN_KS_RECORD } });
  });

  it('keeps a registration with an ERROR after arbitration as a draft, for a reviewer', async () => {
    const { bookId, pageIds } = await bookWithPages('double_blind', 'c');
    const passA = await createRecordInBook(await as(ctx, anh), { bookId, pageIds, clientTxId: tx() });
    const passB = await claimPass(await as(ctx, binh), { registrationId: passA.keyingOf!, clientTxId: tx() });
    await keyAndComplete(passA, { ...CLEAN_KS_RECORD }, anh);
    await keyAndComplete(passB, { ...CLEAN_KS_RECORD, nksNgaySinh: '02.09.2008' }, binh);
    const item = (await nextArbitration(await as(ctx, cuc), bookId)).item!;
    // A birth date after the registration date is an ERROR.
    const d = await decide(await as(ctx, cuc), { disagreementId: item.id, choice: 'other', value: '01.09.2030' });
    expect(d.registrationCompleted).toBe(false);
    const reg = await getRecordView(ctx, passA.keyingOf!);
    expect(reg.status).toBe('draft');
    expect(reg.findings.some((f) => f.severity === 'ERROR')).toBe(true);
  });

  it('a keyer promoted to sampled review (the Census rule) keys registrations of a double-keyed book once; others still get pass A', async () => {
    const { bookId, pageIds } = await bookWithPages('double_blind', 'd');
    const passA = await createRecordInBook(await as(ctx, anh), { bookId, pageIds, clientTxId: tx() });
    const passB = await claimPass(await as(ctx, binh), { registrationId: passA.keyingOf!, clientTxId: tx() });
    await keyAndComplete(passA, { ...CLEAN_KS_RECORD }, anh);
    await keyAndComplete(passB, { ...CLEAN_KS_RECORD }, binh);
    // The deployment's rule (HOTICH_QC_PROMOTION_*), lowered so that a few adjudicated records qualify.
    const lenient = { ...ctx, config: { ...ctx.config, qcPromotion: { minRecords: 2, critical: 0.9, other: 0.9 } } };
    const single = await createRecordInBook(await as(lenient, anh), { bookId, pageIds, clientTxId: tx() });
    expect(single).toMatchObject({ keyingOf: null, keyingPass: null });
    // Under the default rule (500 records) the same keyer is still double-keyed.
    expect(await createRecordInBook(await as(ctx, anh), { bookId, pageIds, clientTxId: tx() })).toMatchObject({ keyingPass: 'A' });
  });

  it('never gives an arbitrator a registration she keyed herself', async () => {
    const { bookId, pageIds } = await bookWithPages('double_blind', 'o');
    const [officer] = await insertUsers(ctx, [{ login: 'qc-officer', role: 'officer' }]);
    const passA = await createRecordInBook(await as(ctx, officer!), { bookId, pageIds, clientTxId: tx() });
    const passB = await claimPass(await as(ctx, binh), { registrationId: passA.keyingOf!, clientTxId: tx() });
    await keyAndComplete(passA, A_VALUES, officer!);
    await keyAndComplete(passB, B_VALUES, binh);
    const mine = await nextArbitration(await as(ctx, officer!), bookId);
    expect(mine).toEqual({ item: null, remaining: 0 });
    const open = await ctx.store.db.selectFrom('qc_disagreements').select('id').where('record_id', '=', passA.keyingOf!).execute();
    expect(open.length).toBeGreaterThan(0);
    expect((await rejection(decide(await as(ctx, officer!), { disagreementId: String(open[0]!.id), choice: 'first' }))).code).toBe('qc.arbitrate_own_keying');
    expect((await nextArbitration(await as(ctx, cuc), bookId)).remaining).toBe(open.length);
  });
});

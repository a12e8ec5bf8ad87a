import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { listEntityActions } from '../audit/index.js';
import { getJob, runDueJobs } from '../core/index.js';
import { completeRecord, createRecord, saveRecord } from '../entry/index.js';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { insertSearchUnits, UNITS } from '../../test/support/search-world.js';
import { as, insertUsers } from '../../test/support/users.js';
import { decideCandidate, listCandidates, runLinkageJob, startLinkage, type CandidateView } from './linkage.service.js';

let seq = 0;
const tx = () => `tx-linkage-${process.pid}-${String(++seq).padStart(6, '0')}`;

async function book(ctx: ActorContext, registerType: string, unitId: string, volume: string): Promise<{ bookId: string; pageId: string }> {
  const b = await createBook(ctx, { registerType, authority: `UBND ${volume}`, authorityUnitId: unitId, yearFrom: 1990, volumeNo: volume });
  const stored = await storeIngestedFile(ctx, b.id, {
    name: `${volume}.pdf`,
    sha256: createHash('sha256').update(b.id).digest('hex'),
    kind: 'pdf',
    original: Buffer.from(b.id),
    pages: [
      { index: 1, image: Buffer.from(`image ${volume}`), mime: 'image/jpeg', width: 1240, height: 1754, thumbnail: Buffer.from(`thumb ${volume}`), dhash: '0'.repeat(16), dpiAtA4: 150, flags: [] },
    ],
  });
  return { bookId: b.id, pageId: stored.pages[0]!.id };
}

async function keyed(ctx: ActorContext, b: { bookId: string; pageId: string }, values: Record<string, string>): Promise<string> {
  const rec = await createRecord(ctx, { bookId: b.bookId, pageIds: [b.pageId], clientTxId: tx() });
  await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: rec.version, values });
  return rec.id;
}

const ks = (v: Record<string, string | undefined>) => patchValues(CLEAN_KS_RECORD, { nksLoaiKhaiSinh: '1', ...v }) as Record<string, string>;
const pairOf = (c: CandidateView) => [c.recordA, c.recordB].sort().join('|');
const pair = (x: string, y: string) => [x, y].sort().join('|');

describeBackends('linkage', (store) => {
  let ctx: ActorContext;
  let reviewerA: ActorContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = testContext(store()).ctx;
    await insertSearchUnits(ctx);
    const ksA = await book(ctx, 'KS', UNITS.vuHoi, '01/1990');
    const ksB = await book(ctx, 'KS', UNITS.other, '02/1990');
    const ktA = await book(ctx, 'KT', UNITS.vuHoi, '03/2015');
    const place = 'UBND xã Vũ Hội';
    ids.hoa = await keyed(
      ctx,
      ksA,
      ks({
        so: '7',
        quyenSo: '01/1990',
        noiDangKy: place,
        ngayDangKy: '10.04.1990',
        nksHoTen: 'Nguyễn Thị Thuý Hoà',
        nksGioiTinh: '2',
        nksNgaySinh: '03.04.1990',
        meHoTen: 'Trần Thị Lan',
        chaHoTen: 'Nguyễn Văn Bình',
      }),
    );
    // the same registration keyed twice: new tone placement, "Thị" dropped
    ids.hoaAgain = await keyed(
      ctx,
      ksA,
      ks({
        so: '7',
        quyenSo: '01/1990',
        noiDangKy: place,
        ngayDangKy: '10.04.1990',
        nksHoTen: 'Nguyễn Thúy Hòa',
        nksGioiTinh: '2',
        nksNgaySinh: '03.04.1990',
        meHoTen: 'Trần Thị Lan',
        chaHoTen: 'Nguyễn Văn Bình',
      }),
    );
    ids.khoi = await keyed(
      ctx,
      ksA,
      ks({
        so: '8',
        quyenSo: '01/1990',
        noiDangKy: place,
        ngayDangKy: '20.05.1950',
        nksHoTen: 'Khổng Minh Khôi',
        nksGioiTinh: '1',
        nksNgaySinh: '12.05.1950',
        nksNoiSinh: 'xã Vũ Hội',
        meHoTen: 'Diệp Thị Sen',
        chaHoTen: 'Khổng Văn Tư',
      }),
    );
    ids.tam = await keyed(
      ctx,
      ksB,
      ks({
        so: '3',
        quyenSo: '02/1990',
        noiDangKy: 'UBND xã Song Lãng',
        ngayDangKy: '02.03.1975',
        nksHoTen: 'Lê Văn Tám',
        nksGioiTinh: '1',
        nksNgaySinh: '1975',
        meHoTen: 'Phạm Thị Mơ',
        chaHoTen: 'Lê Văn Ba',
      }),
    );
    // the same registration keyed in commune B's book (a copy book): out of commune A's scope
    ids.tamCopy = await keyed(
      ctx,
      ksB,
      ks({
        so: '3',
        quyenSo: '02/1990',
        noiDangKy: 'UBND xã Song Lãng',
        ngayDangKy: '02.03.1975',
        nksHoTen: 'Lê Văn Tám',
        nksGioiTinh: '1',
        nksNgaySinh: '1975',
        meHoTen: 'Phạm Thị Mơ',
        chaHoTen: 'Lê Văn Ba',
      }),
    );
    ids.khoiDeath = await keyed(ctx, ktA, {
      so: '2',
      quyenSo: '03/2015',
      noiDangKy: place,
      ngayDangKy: '03.02.2015',
      loaiDangKy: '1',
      nktHoTen: 'Khổng Khôi',
      nktGioiTinh: '1',
      nktNgaySinh: '1950',
      nktNoiCuTru: 'xã Vũ Hội',
      nktNgayChet: '01.02.2015',
    });
    const [reviewer] = await insertUsers(ctx, [{ login: 'reviewer-linkage', role: 'reviewer' }], [{ kind: 'unit', unitId: UNITS.vuHoi }]);
    reviewerA = await as(ctx, reviewer!);
    await runLinkageJob(ctx, { unitId: null, mode: 'full', actorId: null });
  });

  it('finds the known pairs of the fixture, each with its explanation', async () => {
    const all = await listCandidates(ctx, { status: 'open' });
    const byPair = new Map(all.map((c) => [pairOf(c), c]));
    const dup = byPair.get(pair(ids.hoa!, ids.hoaAgain!));
    expect(dup?.kind).toBe('duplicate');
    expect(dup!.explanation.rules).toContain('cung-so-quyen');
    const ten = dup!.explanation.fields.find((f) => f.field === 'ten')!;
    expect(ten).toMatchObject({ label: 'Tên', status: 'agree' });
    expect(dup!.explanation.fields.find((f) => f.field === 'ngaySinh')).toMatchObject({ status: 'agree' });
    expect(dup!.explanation.fields.find((f) => f.field === 'ngaySinh')!.weight).toBeGreaterThan(0);
    const death = byPair.get(pair(ids.khoi!, ids.khoiDeath!));
    expect(death?.kind).toBe('death');
    expect(death!.probability).toBeGreaterThan(0.5);
    expect(death!.explanation.fields.find((f) => f.field === 'dem')).toMatchObject({ status: 'partial', level: 'thiếu chữ đệm ở một bên' });
    expect(death!.explanation.fields.find((f) => f.field === 'ngaySinh')).toMatchObject({ status: 'partial' });
    expect(byPair.has(pair(ids.tam!, ids.tamCopy!))).toBe(true);
    // different people are not proposed
    expect(byPair.has(pair(ids.hoa!, ids.khoi!))).toBe(false);
    expect(byPair.has(pair(ids.tam!, ids.hoa!))).toBe(false);
  });

  it('shows a reviewer only the pairs whose two records are in her scope', async () => {
    const mine = (await listCandidates(reviewerA, {})).map(pairOf);
    expect(mine).toContain(pair(ids.hoa!, ids.hoaAgain!));
    expect(mine).not.toContain(pair(ids.tam!, ids.tamCopy!));
    const outside = (await listCandidates(ctx, {})).find((c) => pairOf(c) === pair(ids.tam!, ids.tamCopy!))!;
    await expect(decideCandidate(reviewerA, outside.id, { decision: 'not_same' })).rejects.toMatchObject({ code: 'linkage.not_found' });
  });

  it('records a decision as an audited action, and never proposes a decided pair again', async () => {
    const dup = (await listCandidates(reviewerA, { status: 'open' })).find((c) => pairOf(c) === pair(ids.hoa!, ids.hoaAgain!))!;
    await expect(decideCandidate(reviewerA, dup.id, { decision: 'linked' })).rejects.toMatchObject({ code: 'linkage.invalid' });
    await expect(decideCandidate(reviewerA, dup.id, { decision: 'duplicate_of', keepId: ids.tam })).rejects.toMatchObject({ code: 'linkage.invalid' });
    const decided = await decideCandidate(reviewerA, dup.id, { decision: 'duplicate_of', keepId: ids.hoa, reason: 'Cùng số 7, nhập hai lần' });
    expect(decided).toMatchObject({ status: 'decided', decision: { decision: 'duplicate_of', keepId: ids.hoa } });
    const actions = await listEntityActions(ctx.store.db, 'link_pair', dup.id);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'link.duplicate_of', reason: 'Cùng số 7, nhập hai lần' });
    await expect(ctx.store.db.deleteFrom('link_decisions').execute()).rejects.toThrow(/append-only/);

    const rerun = await runLinkageJob(ctx, { unitId: UNITS.vuHoi, mode: 'full', actorId: null });
    expect(rerun.candidates).toBeGreaterThan(0);
    const open = await listCandidates(ctx, { status: 'open' });
    expect(open.map(pairOf)).not.toContain(pair(ids.hoa!, ids.hoaAgain!));
    const still = await listCandidates(ctx, { status: 'decided' });
    expect(still.find((c) => c.id === dup.id)?.decision?.decision).toBe('duplicate_of');
  });

  it('links a record completed later through an incremental run over its blocks only', async () => {
    const b = await book(ctx, 'KS', UNITS.vuHoi, '04/1995');
    const rec = await createRecord(ctx, { bookId: b.bookId, pageIds: [b.pageId], clientTxId: tx() });
    const values = ks({
      so: '1',
      quyenSo: '04/1995',
      noiDangKy: 'UBND xã Vũ Hội',
      ngayDangKy: '01.06.1995',
      nksHoTen: 'Khổng Minh Khôi',
      nksGioiTinh: '1',
      nksNgaySinh: '12.05.1950',
      loaiDangKy: '2',
      meHoTen: 'Diệp Thị Sen',
      meNgaySinh: '1925',
      chaNgaySinh: '1920',
    });
    const saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: rec.version, values, acknowledge: ['*'] });
    expect(await ctx.store.db.selectFrom('link_dirty').select('record_id').where('record_id', '=', rec.id).executeTakeFirst()).toBeUndefined();
    await completeRecord(ctx, { recordId: rec.id, clientTxId: tx(), expectedVersion: saved.version });
    expect(await ctx.store.db.selectFrom('link_dirty').select('record_id').where('record_id', '=', rec.id).executeTakeFirst()).toBeDefined();
    const report = await runLinkageJob(ctx, { unitId: null, mode: 'incremental', actorId: null });
    expect(report.records).toBeLessThan(7);
    const open = await listCandidates(ctx, { status: 'open' });
    const rereg = open.find((c) => pairOf(c) === pair(rec.id, ids.khoi!));
    expect(rereg?.kind).toBe('reregistration');
    expect(await ctx.store.db.selectFrom('link_dirty').selectAll().execute()).toEqual([]);
  });

  it('queues a run for a unit in scope only, as a job', async () => {
    await expect(startLinkage(reviewerA, { unitId: UNITS.other })).rejects.toMatchObject({ code: 'unit.not_found' });
    await expect(startLinkage(reviewerA, {})).rejects.toMatchObject({ code: 'unit.not_found' });
    const { jobId } = await startLinkage(reviewerA, { unitId: UNITS.vuHoi });
    expect(await runDueJobs(ctx, { 'linkage.run': runLinkageJob })).toBe(1);
    const job = await getJob(ctx, jobId);
    expect(job.error).toBeUndefined();
    expect(job).toMatchObject({ status: 'done', result: { records: 5 } });
    const run = await ctx.store.db.selectFrom('link_runs').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ unit_id: UNITS.vuHoi, mode: 'full' });
    expect(run.finished_at).not.toBeNull();
  });
});

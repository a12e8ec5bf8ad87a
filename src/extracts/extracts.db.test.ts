/**
 * Certified copies on both backends: who may issue what, the refusal of a
 * registration that is not accepted, the PDF read back (every required line,
 * the number, the QR payload), gap-free numbers under concurrent issuance,
 * verification and revocation, citizens' requests (due time, fee, a record
 * outside the officer's scope issued on request) and the issuance log.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { acceptBook } from '../../test/support/accepted-book.js';
import { rejection } from '../../test/support/errors.js';
import { keyCompleted } from '../../test/support/export-book.js';
import { fakeIncomingPage } from '../../test/support/fixtures.js';
import { textJpeg } from '../../test/support/scans.js';
import { pdfQr, pdfText } from '../../test/support/pdf-read.js';
import { CLEAN_KS_RECORD, patchValues } from '../../test/support/records.js';
import { as, insertUsers } from '../../test/support/users.js';
import { createBook, storeIngestedFile } from '../archive/index.js';
import type { ActorContext } from '../auth/index.js';
import { rebuildWithin } from '../units/index.js';
import { getJob, runDueJobs } from '../core/index.js';
import { copyPdf, createRequest, issuanceLogXlsx, issueCopy, ISSUE_COPY_JOB, localDay, refuseRequest, revokeCopy, runIssueCopyJob, startIssueCopy, verifyCopy, type IssuedCopy } from './index.js';

const UNITS = [
  { id: 'legacy:province:93', scheme: 'legacy', level: 'province', code: '93', name: 'Tỉnh Bản Sao', kind: 'Tỉnh', parent_id: null },
  { id: 'legacy:district:931', scheme: 'legacy', level: 'district', code: '931', name: 'Huyện Sao', kind: 'Huyện', parent_id: 'legacy:province:93' },
  { id: 'legacy:commune:93101', scheme: 'legacy', level: 'commune', code: '93101', name: 'Xã Vũ Hội', kind: 'Xã', parent_id: 'legacy:district:931' },
  { id: 'legacy:commune:93102', scheme: 'legacy', level: 'commune', code: '93102', name: 'Xã Vũ Đoài', kind: 'Xã', parent_id: 'legacy:district:931' },
] as const;
const [A, B] = ['legacy:commune:93101', 'legacy:commune:93102'];
const SIGNER = { signerName: 'Trần Văn Ký', signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' };

describeBackends('certified copies', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  let officerA: ActorContext;
  let officerB: ActorContext;
  let keyer: ActorContext;
  let recordA: string;
  let draftA: string;
  let bookA: string;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    await ctx.store.db
      .insertInto('admin_units')
      .values(UNITS.map((u) => ({ ...u, source: 'test' })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await rebuildWithin(ctx.store.db);
    const [oa, ob] = await insertUsers(ctx, [{ login: 'ban-sao-a', role: 'officer' }], [{ kind: 'unit', unitId: A }]);
    const [obb] = await insertUsers(ctx, [{ login: 'ban-sao-b', role: 'officer' }], [{ kind: 'unit', unitId: B }]);
    const [k] = await insertUsers(ctx, [{ login: 'ban-sao-keyer', role: 'keyer' }]);
    void ob;
    [officerA, officerB, keyer] = await Promise.all([as(ctx, oa!), as(ctx, obb!), as(ctx, k!)]);
    const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND Xã Vũ Hội, Huyện Sao, Tỉnh Bản Sao', authorityUnitId: A, yearFrom: 2008, volumeNo: '02/2008' });
    bookA = book.id;
    const page = { ...fakeIncomingPage(1, 'copy'), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877 };
    const stored = await storeIngestedFile(ctx, bookA, { name: 'scan.pdf', sha256: createHash('sha256').update(bookA).digest('hex'), kind: 'pdf', original: Buffer.from(bookA), pages: [page] });
    const pageIds = stored.pages.map((p) => p.id);
    recordA = await keyCompleted(
      ctx,
      bookA,
      pageIds,
      patchValues(CLEAN_KS_RECORD, { so: '15', quyenSo: '02/2008', nksHoTen: 'Nguyễn Thị Thuý Hoà', noiDangKy: 'UBND xã Vũ Hội, huyện Sao, tỉnh Bản Sao' }),
    );
    draftA = await keyCompleted(ctx, bookA, pageIds, patchValues(CLEAN_KS_RECORD, { so: '16', quyenSo: '02/2008' }));
  }, 120_000);
  afterAll(() => dispose());

  it('refuses a registration whose book is not accepted, and says why', async () => {
    const err = await rejection(issueCopy(officerA, recordA, { issuingUnitId: A, ...SIGNER }));
    expect(err).toMatchObject({ code: 'extract.not_eligible' });
    expect(err.message).toMatch(/chưa được nghiệm thu/);
  });

  it("refuses a keyer (no extracts.issue) and an authority outside the officer's scope", async () => {
    expect(await rejection(issueCopy(keyer, recordA, { issuingUnitId: A, ...SIGNER }))).toMatchObject({ code: 'auth.forbidden' });
    expect(await rejection(issueCopy(officerA, recordA, { issuingUnitId: B, ...SIGNER }))).toMatchObject({ code: 'unit.not_found' });
  });

  it('issues a birth copy: the PDF holds every required line, the number and the QR code of the verification page', async () => {
    const [uid] = await insertUsers(ctx, [{ login: 'ban-sao-qc', role: 'planner' }]);
    await acceptBook(ctx, bookA, uid!);
    const copy = await issueCopy(officerA, recordA, { issuingUnitId: A, ...SIGNER });
    const year = localDay(ctx.clock()).day.slice(0, 4);
    expect(copy.number).toBe(`1/${year}/GKS-BS`);
    const { pdf } = await copyPdf(officerA, copy.id);
    const text = await pdfText(pdf);
    for (const line of [
      'TỈNH BẢN SAO',
      'UBND XÃ VŨ HỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: 1/${year}/GKS-BS`,
      'GIẤY KHAI SINH',
      '(BẢN SAO)',
      'Họ, chữ đệm, tên: NGUYỄN THỊ THUÝ HOÀ',
      'Ngày, tháng, năm sinh: 01/09/2008',
      'Giới tính: Nam',
      'Dân tộc: Kinh',
      'Quốc tịch: Việt Nam',
      'Họ, chữ đệm, tên người mẹ: NGUYỄN THỊ LAN',
      'Năm sinh: 1981',
      'Số đăng ký: 15',
      'Quyển số: 02/2008',
      'Ngày, tháng, năm đăng ký: 27/10/2008',
      'Nơi đăng ký khai sinh: UBND xã Vũ Hội, huyện Sao, tỉnh Bản Sao',
      'Sao từ Sổ đăng ký khai sinh (Quyển số 02/2008, trang 55)',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Trần Văn Ký',
      'Vũ Hội, ngày',
      'không phải Cơ sở dữ liệu hộ tịch điện tử toàn quốc',
    ])
      expect(text, line).toContain(line);
    expect(text.replace(/\s+/g, ' ')).toContain('(ghi bằng chữ: Ngày Một Tháng Chín Năm Hai Nghìn Không Trăm Linh Tám)');
    expect(text).toBe(text.normalize('NFC'));
    expect(await pdfQr(pdf)).toBe(copy.verifyUrl);
    expect(copy.verifyUrl).toMatch(/\/verify\/[A-Za-z0-9_-]{24}$/);
  });

  it('refuses a draft registration even in an accepted book', async () => {
    await ctx.store.db.updateTable('records').set({ status: 'draft' }).where('id', '=', draftA).execute();
    expect((await rejection(issueCopy(officerA, draftA, { issuingUnitId: A, ...SIGNER }))).message).toMatch(/chưa hoàn thành/);
  });

  it('numbers concurrent copies without gaps or repeats', async () => {
    const issued = await Promise.all(Array.from({ length: 8 }, () => issueCopy(officerA, recordA, { issuingUnitId: A, ...SIGNER })));
    const seqs = issued.map((c) => Number(c.number.split('/')[0])).sort((a, b) => a - b);
    expect(seqs).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  }, 180_000); // eight PDFs one after the other behind the number lock: 1.5–3.6 s each on the loaded 2-core machine

  it('verifies a copy publicly with only what it prints, and shows a revocation with its reason', async () => {
    const copy = await issueCopy(officerA, recordA, { issuingUnitId: A, ...SIGNER });
    const token = copy.verifyUrl.split('/').pop()!;
    const ok = await verifyCopy(ctx, token);
    expect(ok).toMatchObject({ status: 'valid', number: copy.number, issuer: 'UBND Xã Vũ Hội' });
    expect(JSON.stringify(ok)).not.toContain(recordA);
    expect(await rejection(revokeCopy(officerA, copy.id, { reason: '' }))).toMatchObject({ code: 'extract.invalid' });
    expect(await rejection(revokeCopy(officerB, copy.id, { reason: 'không thuộc phạm vi' }))).toMatchObject({ code: 'extract.not_found' });
    await revokeCopy(officerA, copy.id, { reason: 'Cấp nhầm người yêu cầu' });
    expect(await verifyCopy(ctx, token)).toMatchObject({ status: 'revoked', revokeReason: 'Cấp nhầm người yêu cầu' });
    expect(await rejection(verifyCopy(ctx, 'A'.repeat(24)))).toMatchObject({ code: 'extract.verify_not_found' });
  });

  it('issues through a job: the request only checks (a refusal answers at once), the job numbers, renders and reports its steps', async () => {
    expect(await rejection(startIssueCopy(officerA, draftA, { issuingUnitId: A, ...SIGNER }))).toMatchObject({ code: 'extract.not_eligible' });
    expect(await rejection(startIssueCopy(keyer, recordA, { issuingUnitId: A, ...SIGNER }))).toMatchObject({ code: 'auth.forbidden' });
    const copiesBefore = (await ctx.store.db.selectFrom('extract_copies').select('id').execute()).length;
    const { jobId } = await startIssueCopy(officerA, recordA, { issuingUnitId: A, ...SIGNER });
    expect((await getJob(ctx, jobId)).status).toBe('queued');
    expect((await ctx.store.db.selectFrom('extract_copies').select('id').execute()).length).toBe(copiesBefore);
    expect(await runDueJobs(ctx, { [ISSUE_COPY_JOB]: runIssueCopyJob })).toBe(1);
    const job = await getJob(ctx, jobId);
    expect(job.status).toBe('done');
    expect(job.progress).toMatchObject({ step: 'done', label: 'Đã cấp' });
    const copy = job.result as IssuedCopy;
    expect(copy.number).toMatch(/^\d+\/\d{4}\/GKS-BS$/);
    const { pdf } = await copyPdf(officerA, copy.id);
    expect(await pdfText(pdf)).toContain(`Số: ${copy.number}`);
  });

  it("takes a citizen's request: due time, fee; a record outside the officer's scope is issued only on a request that names it", async () => {
    expect(await rejection(issueCopy(officerB, recordA, { issuingUnitId: B, ...SIGNER }))).toMatchObject({ code: 'record.not_found' });
    const req = await createRequest(officerB, {
      issuingUnitId: B,
      requesterName: 'Nguyễn Thị Thuý Hoà',
      requesterIdType: 'CCCD',
      requesterIdNo: '034190001234',
      relation: 'Bản thân',
      copies: 2,
      recordId: recordA,
      receivedAt: '2026-12-04T16:10:00+07:00',
    });
    expect(req).toMatchObject({ fee: 16_000, status: 'received' });
    expect(localDay(new Date(req.dueAt)).day).toBe('2026-12-07');
    const copy = await issueCopy(officerB, recordA, { issuingUnitId: B, ...SIGNER, copies: 2, requestId: req.id });
    expect(copy.number).toMatch(/^1\/\d{4}\/GKS-BS$/);
    expect(copy.printed.issuer.authority).toBe('UBND Xã Vũ Đoài');
    const other = await createRequest(officerB, { issuingUnitId: B, requesterName: 'Lê Văn B' });
    expect(await rejection(refuseRequest(officerB, other.id, {}))).toMatchObject({ code: 'extract.invalid' });
    expect(await refuseRequest(officerB, other.id, { reason: 'Không tìm thấy trong sổ' })).toMatchObject({ status: 'refused' });
  });

  it('writes the issuance log of an authority as xlsx, revocations noted', async () => {
    const day = localDay(ctx.clock()).day;
    const xlsx = await issuanceLogXlsx(officerA, A, day, day);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('Số bản sao');
    expect(rows.length).toBe(1 + 11); // the first, eight concurrent, the verified one and the one issued through a job
    expect(rows.some((r) => String(r[8] ?? '').startsWith('Đã thu hồi'))).toBe(true);
    expect(await rejection(issuanceLogXlsx(officerB, A, '2026-01-01', day))).toMatchObject({ code: 'unit.not_found' });
  });
});

/**
 * Issuing and revoking certified copies. An officer (extracts.issue) issues
 * for an authority within her scope; the registration is one she sees, or
 * one a citizen's request names (any registering authority may copy from the
 * electronic database, Luật Hộ tịch Art. 63–64). The number, the row, the
 * PDF's checksum, the entity action and the request's status are written in
 * one transaction, so numbers stay gap-free; the PDF goes to the blob store.
 */
import { randomBytes } from 'node:crypto';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, isUnitVisible, logRead, systemActor, type ActorContext } from '../auth/index.js';
import { Conflict, Invalid, NotFound } from '../core/index.js';
import { findRecord } from '../entry/index.js';
import { canonicalValues, getTemplate, type RegisterType } from '../registers/index.js';
import { transact, type Book, type ExtractCopyRow, type RecordRow } from '../store/index.js';
import { findUnitByRef, getUnitIndex, unitPath } from '../units/index.js';
import { findCopyLayout, NO_COPY } from './copy-layouts.js';
import { renderCopyPdf } from './copy-pdf.js';
import { localDay } from './due-time.js';
import { refusalsOf } from './eligibility.js';
import { IssueCopyInput, RevokeCopyInput } from './extracts.schema.js';
import * as repo from './extracts.repo.js';
import { parse } from './parse.js';
import { printedCopy, type PrintedCopy } from './printed-copy.js';

export interface IssuedCopy {
  id: string;
  number: string;
  token: string;
  verifyUrl: string;
  pdfSha256: string;
  printed: PrintedCopy;
}

export const copyNotFound = (id: string) => new NotFound('extract.not_found', `Không tìm thấy bản sao #${id}.`);
export const verifyUrlOf = (ctx: ActorContext, token: string) => `${ctx.config.publicUrl}/verify/${token}`;

async function issuerOf(ctx: ActorContext, unitId: string): Promise<{ province: string; authority: string; place: string }> {
  const index = await getUnitIndex(ctx);
  const unit = index.units.get(unitId);
  if (!unit) throw new NotFound('unit.not_found', `Không có đơn vị hành chính "${unitId}".`);
  const path = unitPath(index, unitId).split(', ');
  return { province: path[path.length - 1] ?? '', authority: `UBND ${unit.name}`, place: unit.name.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Huyện|Quận|Thị xã|Thành phố)\s+/u, '') };
}

/** The issuing authority by id or GSO code, within the actor's scope (404 otherwise). */
export async function issuingUnit(ctx: ActorContext, ref: string): Promise<string> {
  const unit = await findUnitByRef(ctx, ref).catch(() => undefined);
  if (!unit || !(await isUnitVisible(ctx.store.db, ctx.actor, unit.id))) throw new NotFound('unit.not_found', `Không có đơn vị "${ref}" trong phạm vi của bạn.`);
  return unit.id;
}

async function recordFor(ctx: ActorContext, recordId: string, requestId: string | undefined): Promise<RecordRow> {
  const seen = await findRecord(ctx.store.db, ctx.actor, recordId);
  if (seen) return seen;
  const request = requestId ? await repo.findRequest(ctx.store.db, ctx.actor, requestId) : undefined;
  const anyRecord = request?.record_id === recordId ? await findRecord(ctx.store.db, systemActor('extracts'), recordId) : undefined;
  if (!anyRecord) throw new NotFound('record.not_found', 'Không tìm thấy bản ghi (hoặc bản ghi ngoài phạm vi của bạn: cần một yêu cầu cấp bản sao ghi rõ bản ghi này).');
  return anyRecord;
}

async function bookOf(ctx: ActorContext, bookId: string): Promise<Book> {
  return ctx.store.db.selectFrom('books').selectAll().where('id', '=', bookId).executeTakeFirstOrThrow();
}

/** What issuing reports while it runs (a job's progress): the step, in Vietnamese. */
export interface IssueProgress {
  step: 'check' | 'number' | 'render' | 'store' | 'done';
  label: string;
}
const STEP_LABELS: Record<IssueProgress['step'], string> = {
  check: 'Kiểm tra bản ghi và quyển sổ',
  number: 'Lấy số bản sao',
  render: 'Dựng bản PDF (và ký số nếu có cấu hình)',
  store: 'Lưu bản sao và Sổ cấp bản sao',
  done: 'Đã cấp',
};

/**
 * Every check of an issue, cheap enough for a request: permission, the
 * issuing authority in scope, the record (seen, or named by a request), a
 * layout for its type, eligibility (refusal with every reason).
 */
export async function checkIssue(ctx: ActorContext, recordId: string, input: IssueCopyInput) {
  assertPermission(ctx.actor, 'extracts.issue');
  const i = parse(IssueCopyInput, input);
  const unitId = await issuingUnit(ctx, i.issuingUnitId);
  const record = await recordFor(ctx, recordId, i.requestId);
  const template = getTemplate(record.template_version);
  const noCopy = NO_COPY[record.register_type as RegisterType];
  if (noCopy) throw new Invalid('extract.type_no_copy', noCopy);
  const layout = findCopyLayout(record.register_type, canonicalValues(template, record.values).values);
  if (!layout) throw new Invalid('extract.type_unsupported', `Chưa hỗ trợ cấp bản sao cho loại sổ ${template.title}.`);
  const book = await bookOf(ctx, record.book_id);
  const refusals = await refusalsOf(ctx.store.db, record, book, ctx.clock());
  if (refusals.length > 0) throw new Invalid('extract.not_eligible', `Chưa cấp được bản sao: ${refusals.join(' ')}`, undefined, { refusals });
  return { i, unitId, record, template, layout, book };
}

/**
 * Issues a copy. Rendering the PDF (font subsetting, QR, optional PAdES
 * signature) took 1.5 s median, 3.6 s for the first copy of a process, on
 * the shared 2-core machine (load average about 25; extracts/issue-job.ts):
 * over a second, so HTTP issues it as a job (startIssueCopy) and this runs
 * in the job, reporting its steps through `progress`.
 */
export async function issueCopy(ctx: ActorContext, recordId: string, input: IssueCopyInput, progress: (p: IssueProgress) => void = () => {}): Promise<IssuedCopy> {
  const step = (s: IssueProgress['step']) => progress({ step: s, label: STEP_LABELS[s] });
  step('check');
  const { i, unitId, record, template, layout, book } = await checkIssue(ctx, recordId, input);
  const issuer = await issuerOf(ctx, unitId);
  const now = ctx.clock();
  const issuedOn = localDay(now).day;
  const year = Number(issuedOn.slice(0, 4));
  const token = randomBytes(18).toString('base64url');
  step('number');
  const copy = await transact(ctx.store.db, async (tx) => {
    const seq = await repo.nextCopyNumber(tx, unitId, year);
    const number = `${seq}/${year}/${layout.suffix}`;
    const printed = printedCopy(layout, template, record.values, {
      issuer,
      number,
      place: i.place || issuer.place,
      issuedOn,
      book: { volumeNo: book.volume_no },
      pageNo: record.values.trangSo ?? '',
      signer: { title: i.signerTitle.replace(/\\n/g, '\n'), name: i.signerName },
    });
    step('render');
    const pdf = await renderCopyPdf(printed, verifyUrlOf(ctx, token), ctx.config.signing ? { config: ctx.config.signing, at: now } : undefined);
    step('store');
    const put = await ctx.blobs.put(pdf);
    const row = await repo.insertCopy(tx, {
      request_id: i.requestId ?? null,
      record_id: record.id,
      book_id: book.id,
      issuing_unit_id: unitId,
      year,
      seq,
      number,
      copy_type: layout.suffix,
      copies: i.copies,
      token,
      printed: JSON.stringify(printed),
      pdf_sha256: put.sha256,
      issued_by: actorIdOf(ctx.actor),
      issued_at: now,
    });
    await appendEntityAction(tx, {
      entityType: 'extract_copy',
      entityId: row.id,
      bookId: book.id,
      kind: 'issued',
      actorId: actorIdOf(ctx.actor),
      payload: { number, recordId: record.id, copies: i.copies, requestId: i.requestId ?? null },
    });
    if (i.requestId) await repo.updateRequest(tx, i.requestId, { status: 'issued', record_id: record.id });
    return { row, printed };
  });
  await logRead(ctx, { action: 'extract.issue', entityType: 'record', entityId: record.id, bookId: book.id });
  step('done');
  return { id: copy.row.id, number: copy.row.number, token, verifyUrl: verifyUrlOf(ctx, token), pdfSha256: copy.row.pdf_sha256, printed: copy.printed };
}

export async function getCopy(ctx: ActorContext, id: string): Promise<ExtractCopyRow> {
  assertPermission(ctx.actor, 'extracts.issue');
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findCopy(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw copyNotFound(id);
  return row;
}

/** The issued PDF, logged as a read of personal data. */
export async function copyPdf(ctx: ActorContext, id: string): Promise<{ pdf: Buffer; name: string }> {
  const row = await getCopy(ctx, id);
  await logRead(ctx, { action: 'extract.pdf', entityType: 'extract_copy', entityId: row.id, bookId: row.book_id });
  return { pdf: await ctx.blobs.get(row.pdf_sha256), name: `ban-sao-${row.number.replace(/\//g, '-')}.pdf` };
}

export async function revokeCopy(ctx: ActorContext, id: string, input: unknown): Promise<ExtractCopyRow> {
  const { reason } = parse(RevokeCopyInput, input);
  const row = await getCopy(ctx, id);
  if (row.revoked_at) throw new Conflict('extract.already_revoked', `Bản sao số ${row.number} đã bị thu hồi trước đó.`);
  return transact(ctx.store.db, async (tx) => {
    const done = await repo.markRevoked(tx, row.id, actorIdOf(ctx.actor), reason, ctx.clock());
    if (!done) throw new Conflict('extract.already_revoked', `Bản sao số ${row.number} đã bị thu hồi trước đó.`);
    await appendEntityAction(tx, { entityType: 'extract_copy', entityId: row.id, bookId: row.book_id, kind: 'revoked', actorId: actorIdOf(ctx.actor), reason });
    return done;
  });
}

/**
 * Batches as the user reads them, their error report, and the correction
 * list to send back to the population side (xlsx, Vietnamese headers): one
 * line per field where the decided registration's keyed value (the book's)
 * and the population value still differ, with the decision and the page
 * image reference; a second sheet lists the registrations the population
 * database does not hold. Downloads are written to the access log.
 */
import ExcelJS from 'exceljs';
import { assertPermission, logRead, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { COMPARED_KEYS, labelOf } from './popdb-columns.js';
import { conflictView, DECISIONS, type ConflictView } from './popdb-conflicts.service.js';
import { batchView, type PopdbBatchView } from './popdb-view.js';
import { findBatch, listBatches, listRows } from './popdb.repo.js';

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

async function openCount(ctx: ActorContext, batchId: string): Promise<number> {
  return (await listRows(ctx.store.db, ctx.actor, { batchId, classes: ['differs', 'id_conflict'], open: true, limit: 100_000 })).length;
}

async function batchRow(ctx: ActorContext, id: string) {
  assertPermission(ctx.actor, 'popdb.compare');
  const row = isId(id) ? await findBatch(ctx.store.db, ctx.actor, id) : undefined;
  if (!row) throw new NotFound('popdb.batch_not_found', `Không tìm thấy lần nhập kết quả đối chiếu ${id}.`);
  return row;
}

export async function getBatch(ctx: ActorContext, id: string): Promise<PopdbBatchView> {
  const row = await batchRow(ctx, id);
  return batchView(row, row.status === 'imported' ? await openCount(ctx, row.id) : 0);
}

export async function listPopdbBatches(ctx: ActorContext): Promise<PopdbBatchView[]> {
  assertPermission(ctx.actor, 'popdb.compare');
  const rows = await listBatches(ctx.store.db, ctx.actor);
  return Promise.all(rows.map(async (r) => batchView(r, await openCount(ctx, r.id))));
}

export async function getBatchErrorReport(ctx: ActorContext, id: string): Promise<{ name: string; bytes: Buffer }> {
  const row = await batchRow(ctx, id);
  if (!row.error_report_sha256) throw new NotFound('popdb.no_error_report', 'Lần nhập này không có báo cáo lỗi (tệp đã được nhập).');
  return { name: `${row.file_name.replace(/\.(xlsx|csv)$/i, '')}.loi.xlsx`, bytes: await ctx.blobs.get(row.error_report_sha256) };
}

const CORRECTION_HEADERS = [
  'STT',
  'Mã bản ghi',
  'Số định danh cá nhân',
  'Họ, chữ đệm, tên (theo sổ)',
  'Thông tin',
  'Giá trị theo Sổ hộ tịch',
  'Giá trị trong CSDL dân cư',
  'Đề nghị',
  'Quyết định của cơ quan hộ tịch',
  'Ghi chú',
  'Quyển sổ',
  'Ảnh trang sổ (mã trang)',
  'Ngày quyết định',
];

function correctionLines(v: ConflictView): string[][] {
  const id = v.fields.find((f) => f.key === 'soDinhDanh');
  const name = v.fields.find((f) => f.key === 'hoTen')?.keyed ?? '';
  const personalId = id?.keyed || id?.population || '';
  const common = (what: string, book: string, pop: string, ask: string) => [
    '',
    v.recordId,
    personalId,
    name,
    what,
    book,
    pop,
    ask,
    v.decision ? DECISIONS[v.decision.decision] : '',
    v.decision?.note ?? '',
    `Quyển ${v.book.volumeNo} (${v.book.year}), ${v.book.authority}`,
    v.pageIds.join(', '),
    v.decision?.decidedAt.slice(0, 10) ?? '',
  ];
  const lines = v.fields.filter((f) => f.differs).map((f) => common(f.label, f.keyed, f.population, 'Điều chỉnh CSDL dân cư theo Sổ hộ tịch (Điều 60 khoản 2 Luật Hộ tịch)'));
  if (v.conflict) lines.push(common('Số định danh cá nhân', id?.keyed ?? '', v.conflict.popId ?? '', `Xem xét số định danh: ${v.conflict.message}`));
  return lines;
}

function addSheet(wb: ExcelJS.Workbook, name: string, headers: readonly string[], lines: readonly string[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...headers]).font = { bold: true };
  lines.forEach((l, i) => ws.addRow([String(i + 1), ...l.slice(1)]));
  headers.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 6 : 24));
}

/** The correction list of a batch: decided rows that still differ, and registrations missing from the population database. */
export async function correctionsXlsx(ctx: ActorContext, batchId: string): Promise<{ name: string; bytes: Buffer; lines: number }> {
  const batch = await batchRow(ctx, batchId);
  const decided = (await listRows(ctx.store.db, ctx.actor, { batchId, classes: ['differs', 'id_conflict'], decided: true, limit: 100_000 })).map(conflictView);
  const lines = decided.flatMap(correctionLines);
  const missing = (await listRows(ctx.store.db, ctx.actor, { batchId, classes: ['not_found'], limit: 100_000 })).map(conflictView);
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Đề nghị điều chỉnh', CORRECTION_HEADERS, lines);
  const missingLines = missing.map((v) => ['', v.recordId, ...COMPARED_KEYS.map((k) => v.fields.find((f) => f.key === k)?.keyed ?? ''), v.pageIds.join(', ')]);
  addSheet(wb, 'Chưa có trong CSDL dân cư', ['STT', 'Mã bản ghi', ...COMPARED_KEYS.map(labelOf), 'Ảnh trang sổ (mã trang)'], missingLines);
  await logRead(ctx, { action: 'popdb.corrections', entityType: 'popdb_batch', entityId: batch.id });
  const name = `de-nghi-dieu-chinh-${batch.file_name.replace(/\.(xlsx|csv)$/i, '')}.xlsx`;
  return { name, bytes: Buffer.from(await wb.xlsx.writeBuffer()), lines: lines.length };
}

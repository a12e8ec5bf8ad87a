/**
 * The match-key file for the population side: every completed registration
 * of a unit's birth and death books (the unit and the units within it, old
 * communes merged into it included) that the actor sees, one row each, in a
 * CSV (UTF-8 with BOM) and an xlsx with the same columns (all text), with
 * the result columns already there and empty, so the population side fills
 * them and sends the same file back; plus manifest.json (counts, the
 * columns, each file's bytes and sha256). The export is stored (popdb_exports),
 * written to the history (entity_actions) and to the access log (bulk
 * personal data).
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { appendEntityAction } from '../audit/index.js';
import { actorIdOf, assertPermission, isUnitVisible, logRead, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { listBookIdsOfUnit } from '../exchange/index.js';
import { codeLabel, getTemplate } from '../registers/index.js';
import { findUnitByRef } from '../units/index.js';
import { fieldOf, headerCell, KEY_COLUMNS, labelOf, RESULT_KEYS, type KeyColumn } from './popdb-columns.js';
import { insertExportRecords, listExportRecords, type ExportRecordRow } from './popdb.repo.js';

export const MANIFEST_FORMAT = 'hotich-popdb-match-keys';
export const FORMAT_VERSION = 1;

export interface PopdbFile {
  name: string;
  bytes: Buffer;
}

export interface PopdbExportView {
  id: string;
  unit: { id: string; name: string; path: string };
  records: number;
  byType: Record<string, number>;
  withPersonalId: number;
  files: { name: string; bytes: number; sha256: string }[];
}

/** One cell of the match-key file: the keyed value, a code shown as its label. */
function cellOf(rec: ExportRecordRow, column: KeyColumn): string {
  if (column.key === 'recordId') return rec.id;
  if (column.key === 'loaiSo') return rec.register_type;
  const f = fieldOf(getTemplate(rec.template_version), column);
  const v = f ? (rec.values[f.key] ?? '') : '';
  return f?.type === 'code' && f.codeList && v !== '' ? (codeLabel(f.codeList, v) ?? v) : v;
}

export const matchKeyRow = (rec: ExportRecordRow): string[] =>
  RESULT_KEYS.map((k) => {
    const column = KEY_COLUMNS.find((c) => c.key === k);
    return column ? cellOf(rec, column) : '';
  });

const csvCell = (v: string) => (/[",;\r\n\t]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);

export function matchKeyCsv(rows: readonly string[][]): Buffer {
  const lines = [RESULT_KEYS.map(headerCell), ...rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const GUIDE = [
  'Tệp đối chiếu với Cơ sở dữ liệu quốc gia về dân cư, lập từ Sổ hộ tịch đã số hóa (hotich).',
  'Mỗi dòng là một việc đăng ký. Các cột từ "Mã bản ghi" đến "Họ, chữ đệm, tên cha" lấy từ sổ: xin giữ nguyên, không sửa.',
  'Cơ quan dân cư điền cột "Trạng thái trong CSDL dân cư": Tìm thấy (TIM_THAY), Không tìm thấy (KHONG_TIM_THAY) hoặc Nhiều kết quả (NHIEU_KET_QUA),',
  'và khi tìm thấy: các cột "… theo CSDL dân cư" ghi giá trị đang có trong CSDL dân cư (để trống nếu CSDL không có).',
  'Số định danh cá nhân ghi dạng văn bản, đủ 12 chữ số (không để Excel bỏ số 0 đầu). Ngày ghi dd.mm.yyyy.',
  'Theo Điều 60 khoản 2 Luật Hộ tịch, khi thông tin khác nhau thì Sổ hộ tịch là căn cứ: cơ quan hộ tịch đối chiếu từng chỗ khác với ảnh trang sổ và gửi lại danh sách đề nghị điều chỉnh.',
  'Mô tả đầy đủ định dạng: docs/POPDB.md.',
];

export async function matchKeyXlsx(rows: readonly string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DoiChieu', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = RESULT_KEYS.map((k) => ({ header: headerCell(k), key: k, width: Math.max(14, Math.min(40, labelOf(k).length + 4)), style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  const guide = wb.addWorksheet('Hướng dẫn');
  GUIDE.forEach((text, i) => (guide.getCell(i + 1, 1).value = text));
  guide.getColumn(1).width = 140;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function countsOf(recs: readonly ExportRecordRow[]): { byType: Record<string, number>; withPersonalId: number } {
  const byType: Record<string, number> = {};
  let withPersonalId = 0;
  const idColumn = KEY_COLUMNS.find((c) => c.key === 'soDinhDanh')!;
  for (const r of recs) {
    byType[r.register_type] = (byType[r.register_type] ?? 0) + 1;
    if (cellOf(r, idColumn) !== '') withPersonalId++;
  }
  return { byType, withPersonalId };
}

async function resolveUnit(ctx: ActorContext, ref: string) {
  const unit = await findUnitByRef(ctx, ref);
  if (!(await isUnitVisible(ctx.store.db, ctx.actor, unit.id))) throw new NotFound('unit.not_found', `Không có đơn vị hành chính "${ref}" trong phạm vi của bạn.`);
  return unit;
}

/** Builds the files for a unit (named after its code and the day) and records the export. */
export async function exportMatchKeys(ctx: ActorContext, unitRef: string): Promise<{ view: PopdbExportView; files: PopdbFile[] }> {
  assertPermission(ctx.actor, 'popdb.compare');
  const unit = await resolveUnit(ctx, unitRef);
  const recs = await listExportRecords(ctx.store.db, ctx.actor, await listBookIdsOfUnit(ctx.store.db, ctx.actor, unit.id));
  const rows = recs.map(matchKeyRow);
  const base = `doi-chieu-dan-cu-${unit.id.split(':').at(-1)}-${ctx.clock().toISOString().slice(0, 10).replace(/-/g, '')}`;
  const data = [
    { name: `${base}.csv`, bytes: matchKeyCsv(rows) },
    { name: `${base}.xlsx`, bytes: await matchKeyXlsx(rows) },
  ];
  const described = data.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: sha(f.bytes) }));
  const counts = countsOf(recs);
  const id = await ctx.store.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('popdb_exports')
      .values({ unit_id: unit.id, record_count: recs.length, files: JSON.stringify(described), exported_by: actorIdOf(ctx.actor) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertExportRecords(tx, row.id, recs);
    await appendEntityAction(tx, { entityType: 'popdb_export', entityId: row.id, kind: 'exported', actorId: actorIdOf(ctx.actor), payload: { unitId: unit.id, records: recs.length } });
    return row.id;
  });
  await logRead(ctx, { action: 'popdb.export', entityType: 'popdb_export', entityId: id });
  const view: PopdbExportView = { id, unit, records: recs.length, ...counts, files: described };
  const manifest = {
    format: MANIFEST_FORMAT,
    version: FORMAT_VERSION,
    exportId: id,
    createdAt: ctx.clock().toISOString(),
    unit,
    counts: { records: recs.length, byType: counts.byType, withPersonalId: counts.withPersonalId },
    columns: RESULT_KEYS.map((key) => ({ key, label: labelOf(key) })),
    files: described,
  };
  return { view, files: [...data, { name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }] };
}

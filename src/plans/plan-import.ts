/**
 * Importing a plan from the xlsx layout of plan-xlsx.ts, all or nothing:
 * every row is read and checked first (unit and organizations from the
 * drop-down text "Tên [mã]" or the bare code, register types, years,
 * numbers, dates dd/mm/yyyy); one bad row refuses the whole file with a
 * report of every row's errors (Invalid, details.rows; `planErrorReport`
 * gives the same file back with a "Lỗi" column, like record imports). A
 * clean file is applied in one transaction: rows with a package id change
 * that package (reason: the import), rows without one add a package.
 */
import ExcelJS from 'exceljs';
import { assertPermission, isUnitVisible, type ActorContext } from '../auth/index.js';
import { Invalid, NotFound } from '../core/index.js';
import { transactContext } from '../store/index.js';
import { PackageInput } from './plan.schema.js';
import { addPackage, getPackage, updatePackage } from './plan.service.js';
import * as repo from './plan.repo.js';
import { BASE_COLUMNS, baseColumn, PLAN_SHEET, stageColumn, STAGE_PARTS } from './plan-xlsx.js';
import { STAGES } from './stages.js';

export interface RowError {
  row: number;
  errors: string[];
}
type Parsed = { row: number; id: string | null; input: ReturnType<typeof PackageInput.parse> };

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return text(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v).normalize('NFC').trim();
};
const codeIn = (s: string) => /\[([^\]]+)\]\s*$/.exec(s)?.[1] ?? s;

function dayOf(s: string, errs: string[], what: string): string | null {
  if (s === '') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const d = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : null;
  if (!d || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
    errs.push(`${what}: "${s}" không phải ngày (dd/mm/yyyy).`);
    return null;
  }
  return d;
}

function numOf(s: string, errs: string[], what: string): number | undefined {
  if (s === '') return undefined;
  const n = Number(s.replace(/[.\s]/g, '').replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) {
    errs.push(`${what}: "${s}" không phải số không âm.`);
    return undefined;
  }
  return n;
}

function readRow(r: ExcelJS.Row, errs: string[]): { id: string | null; raw: unknown } {
  const cell = (c: number) => text(r.getCell(c).value);
  const stages = STAGES.map((stage) => {
    const label = (part: string) => `${STAGE_PARTS.find((p) => p.key === part)!.header} - ${stage}`;
    const org = cell(stageColumn(stage, 'organization'));
    return {
      stage,
      deadline: dayOf(cell(stageColumn(stage, 'deadline')), errs, label('deadline')),
      organizationId: org ? codeIn(org) : null,
      person: cell(stageColumn(stage, 'person')),
      unitPrice: numOf(cell(stageColumn(stage, 'unitPrice')), errs, label('unitPrice')) ?? null,
    };
  }).filter((s) => s.deadline || s.organizationId || s.person || s.unitPrice !== null);
  const est = {
    books: numOf(cell(baseColumn('books')), errs, 'Số quyển'),
    pages: numOf(cell(baseColumn('pages')), errs, 'Số trang'),
    registrations: numOf(cell(baseColumn('registrations')), errs, 'Số trường hợp'),
    fields: numOf(cell(baseColumn('fields')), errs, 'Số trường'),
  };
  return {
    id: cell(baseColumn('id')) || null,
    raw: {
      unitId: codeIn(cell(baseColumn('unit'))),
      registerTypes: cell(baseColumn('types'))
        .split(/[,;\s]+/)
        .filter(Boolean),
      yearFrom: numOf(cell(baseColumn('yearFrom')), errs, 'Từ năm'),
      yearTo: numOf(cell(baseColumn('yearTo')), errs, 'Đến năm'),
      estimates: Object.fromEntries(Object.entries(est).filter(([, v]) => v !== undefined)),
      note: cell(baseColumn('note')),
      stages,
    },
  };
}

async function loadSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new Invalid('plan_import.not_xlsx', 'Tệp không phải bảng tính xlsx.', 'file');
  }
  const ws = wb.getWorksheet(PLAN_SHEET);
  if (!ws) throw new Invalid('plan_import.no_sheet', `Tệp không có trang "${PLAN_SHEET}" của mẫu kế hoạch.`, 'file');
  const head = text(ws.getRow(1).getCell(baseColumn('unit')).value);
  if (head !== BASE_COLUMNS[1].header) throw new Invalid('plan_import.header', `Dòng 1 không phải dòng tiêu đề của mẫu kế hoạch (cột B phải là "${BASE_COLUMNS[1].header}").`, 'file');
  return ws;
}

/** How far an import is: rows checked, then packages written (reported to the job, plan-jobs.ts). */
export interface PlanImportProgress {
  phase: 'checking' | 'writing' | 'done';
  rowsTotal: number;
  rowsChecked: number;
  rowsWritten: number;
}
type OnProgress = (p: PlanImportProgress) => void;
const quiet: OnProgress = () => undefined;

/** Reads and checks every row; no writes. */
export async function checkPlanRows(ctx: ActorContext, campaignId: string, bytes: Buffer, onProgress: OnProgress = quiet): Promise<{ parsed: Parsed[]; rows: RowError[] }> {
  assertPermission(ctx.actor, 'plans.manage');
  if (!(await repo.findCampaign(ctx.store.db, ctx.actor, campaignId))) throw new NotFound('campaign.not_found', `Không tìm thấy kế hoạch ${campaignId} trong phạm vi của bạn.`);
  const ws = await loadSheet(bytes);
  const parsed: Parsed[] = [];
  const rows: RowError[] = [];
  const known = new Set((await repo.listPackageRows(ctx.store.db, ctx.actor, campaignId)).map((p) => p.id));
  const rowsTotal = Math.max(0, ws.rowCount - 1);
  for (let r = 2; r <= ws.rowCount; r++) {
    onProgress({ phase: 'checking', rowsTotal, rowsChecked: r - 2, rowsWritten: 0 });
    const row = ws.getRow(r);
    if (!row.hasValues || (text(row.getCell(baseColumn('unit')).value) === '' && text(row.getCell(baseColumn('id')).value) === '')) continue;
    const errs: string[] = [];
    const { id, raw } = readRow(row, errs);
    const res = PackageInput.safeParse(raw);
    if (!res.success) errs.push(...res.error.issues.map((i) => `${i.path.join('.') || 'dòng'}: ${i.message}`));
    if (id && !known.has(id)) errs.push(`Mã gói việc ${id}: không có trong kế hoạch này (hoặc ngoài phạm vi của bạn).`);
    if (res.success) errs.push(...(await lookups(ctx, res.data)));
    if (errs.length > 0) rows.push({ row: r, errors: errs });
    else if (res.success) parsed.push({ row: r, id, input: res.data });
  }
  return { parsed, rows };
}

async function lookups(ctx: ActorContext, p: ReturnType<typeof PackageInput.parse>): Promise<string[]> {
  const errs: string[] = [];
  if (!(await isUnitVisible(ctx.store.db, ctx.actor, p.unitId))) errs.push(`Đơn vị hành chính "${p.unitId}": không có trong danh mục hoặc ngoài phạm vi của bạn.`);
  const orgIds = p.stages.map((s) => s.organizationId).filter((x): x is string => !!x);
  const ok = await repo.organizationsExist(
    ctx.store.db,
    orgIds.filter((o) => /^[0-9a-f-]{36}$/i.test(o)),
  );
  for (const o of orgIds) if (!ok.has(o)) errs.push(`Đơn vị chịu trách nhiệm "${o}": không có trong danh mục.`);
  return errs;
}

/** Imports the whole file or nothing. */
export async function importPlan(ctx: ActorContext, campaignId: string, bytes: Buffer, fileName = 'kế hoạch.xlsx', onProgress: OnProgress = quiet): Promise<{ added: number; changed: number }> {
  const { parsed, rows } = await checkPlanRows(ctx, campaignId, bytes, onProgress);
  if (rows.length > 0) {
    const first = rows[0]!;
    throw new Invalid('plan_import.rows', `Tệp có ${rows.length} dòng lỗi; không dòng nào được nhập. Dòng ${first.row}: ${first.errors[0]}`, 'file', { rows });
  }
  if (parsed.length === 0) throw new Invalid('plan_import.empty', 'Tệp không có dòng gói việc nào.', 'file');
  const reason = `Nhập kế hoạch từ tệp ${fileName}`;
  return transactContext(ctx, async (tx) => {
    let added = 0;
    let changed = 0;
    const report = () => onProgress({ phase: 'writing', rowsTotal: parsed.length, rowsChecked: parsed.length, rowsWritten: added + changed });
    for (const p of parsed) {
      report();
      if (p.id) {
        await updatePackage(tx, p.id, { ...p.input, version: (await getPackage(tx, p.id)).version, reason });
        changed += 1;
      } else {
        await addPackage(tx, campaignId, { ...p.input, reason });
        added += 1;
      }
    }
    onProgress({ phase: 'done', rowsTotal: parsed.length, rowsChecked: parsed.length, rowsWritten: added + changed });
    return { added, changed };
  });
}

/** The uploaded file with one more column "Lỗi" listing each bad row's errors (cells red). */
export async function planErrorReport(bytes: Buffer, rows: readonly RowError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(PLAN_SHEET)!;
  const col = stageColumn(STAGES[STAGES.length - 1]!, 'unitPrice') + 1;
  ws.getCell(1, col).value = 'Lỗi';
  ws.getCell(1, col).font = { bold: true };
  ws.getColumn(col).width = 80;
  for (const r of rows) {
    const c = ws.getCell(r.row, col);
    c.value = r.errors.join('\n');
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8C9C9' } };
    c.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

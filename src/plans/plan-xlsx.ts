/**
 * The plan as a spreadsheet (exceljs): sheet "Kế hoạch", one row a work
 * package, Vietnamese headers; per stage four columns (thời hạn, đơn vị chịu
 * trách nhiệm, người chịu trách nhiệm, đơn giá). Units and organizations are
 * chosen from drop-downs fed by sheet "Danh mục" ("Tên [mã]"). The same
 * layout is the empty template, the export of the current plan and the
 * import (plan-import.ts).
 */
import ExcelJS from 'exceljs';
import type { PackageView } from './plan-views.js';
import { STAGE_INFO, STAGES, type Stage } from './stages.js';

export const PLAN_SHEET = 'Kế hoạch';
export const LIST_SHEET = 'Danh mục';
export const TEMPLATE_ROWS = 300;

export const BASE_COLUMNS = [
  { key: 'id', header: 'Mã gói việc (để trống nếu thêm mới)', width: 38 },
  { key: 'unit', header: 'Đơn vị hành chính', width: 40 },
  { key: 'types', header: 'Loại sổ (KS, KT, KH...)', width: 16 },
  { key: 'yearFrom', header: 'Từ năm', width: 9 },
  { key: 'yearTo', header: 'Đến năm', width: 9 },
  { key: 'books', header: 'Số quyển', width: 10 },
  { key: 'pages', header: 'Số trang', width: 10 },
  { key: 'registrations', header: 'Số trường hợp', width: 13 },
  { key: 'fields', header: 'Số trường nhập liệu', width: 14 },
  { key: 'note', header: 'Ghi chú', width: 30 },
] as const;

export const STAGE_PARTS = [
  { key: 'deadline', header: 'Thời hạn', width: 12 },
  { key: 'organization', header: 'Đơn vị chịu trách nhiệm', width: 30 },
  { key: 'person', header: 'Người chịu trách nhiệm', width: 22 },
  { key: 'unitPrice', header: 'Đơn giá (đồng)', width: 12 },
] as const;
export type StagePart = (typeof STAGE_PARTS)[number]['key'];

/** 1-based column of a stage part. */
export const stageColumn = (stage: Stage, part: StagePart) => BASE_COLUMNS.length + STAGES.indexOf(stage) * STAGE_PARTS.length + STAGE_PARTS.findIndex((p) => p.key === part) + 1;
export const baseColumn = (key: (typeof BASE_COLUMNS)[number]['key']) => BASE_COLUMNS.findIndex((c) => c.key === key) + 1;
export const headerOf = (stage: Stage, part: StagePart) => `${STAGE_PARTS.find((p) => p.key === part)!.header} - ${STAGE_INFO[stage].label}`;

export const choiceOf = (name: string, id: string) => `${name} [${id}]`;

export interface PlanLists {
  units: { id: string; name: string }[];
  organizations: { id: string; name: string }[];
}

export async function writePlanXlsx(lists: PlanLists, packages: readonly PackageView[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hotich';
  const ws = wb.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const headers = [...BASE_COLUMNS.map((c) => c.header), ...STAGES.flatMap((s) => STAGE_PARTS.map((p) => headerOf(s, p.key)))];
  ws.addRow(headers).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i < BASE_COLUMNS.length ? BASE_COLUMNS[i]!.width : STAGE_PARTS[(i - BASE_COLUMNS.length) % STAGE_PARTS.length]!.width;
  });
  const unitName = new Map(lists.units.map((u) => [u.id, u.name]));
  const orgName = new Map(lists.organizations.map((o) => [o.id, o.name]));
  for (const p of packages) ws.addRow(packageRow(p, unitName, orgName));
  const listWs = wb.addWorksheet(LIST_SHEET);
  listWs.addRow(['Đơn vị hành chính', 'Đơn vị chịu trách nhiệm', title]).font = { bold: true };
  const n = Math.max(lists.units.length, lists.organizations.length);
  for (let i = 0; i < n; i++) {
    const u = lists.units[i];
    const o = lists.organizations[i];
    listWs.addRow([u ? choiceOf(u.name, u.id) : null, o ? choiceOf(o.name, o.id) : null]);
  }
  listWs.columns = [{ width: 50 }, { width: 50 }, { width: 40 }];
  addDropDowns(ws, lists, Math.max(TEMPLATE_ROWS, packages.length + 50));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function packageRow(p: PackageView, unitName: Map<string, string>, orgName: Map<string, string>): ExcelJS.CellValue[] {
  const row: ExcelJS.CellValue[] = [
    p.id,
    choiceOf(unitName.get(p.unitId) ?? p.unitId, p.unitId),
    p.registerTypes.join(', '),
    p.yearFrom,
    p.yearTo,
    p.estimates.books,
    p.estimates.pages,
    p.estimates.registrations,
    p.estimates.fields,
    p.note,
  ];
  for (const s of p.stages) {
    row.push(
      s.deadline ? s.deadline.split('-').reverse().join('/') : null,
      s.organizationId ? choiceOf(orgName.get(s.organizationId) ?? s.organizationId, s.organizationId) : null,
      s.person || null,
      s.unitPrice,
    );
  }
  return row;
}

function addDropDowns(ws: ExcelJS.Worksheet, lists: PlanLists, rows: number): void {
  const unitList = `'${LIST_SHEET}'!$A$2:$A$${Math.max(2, lists.units.length + 1)}`;
  const orgList = `'${LIST_SHEET}'!$B$2:$B$${Math.max(2, lists.organizations.length + 1)}`;
  const orgCols = STAGES.map((s) => stageColumn(s, 'organization'));
  for (let r = 2; r <= rows; r++) {
    ws.getCell(r, baseColumn('unit')).dataValidation = { type: 'list', allowBlank: true, formulae: [unitList], showErrorMessage: true, errorTitle: 'Đơn vị', error: 'Chọn đơn vị trong danh mục.' };
    for (const c of orgCols)
      ws.getCell(r, c).dataValidation = { type: 'list', allowBlank: true, formulae: [orgList], showErrorMessage: true, errorTitle: 'Đơn vị chịu trách nhiệm', error: 'Chọn đơn vị trong danh mục.' };
  }
}

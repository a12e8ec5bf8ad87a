/**
 * The issuance log (Sổ cấp bản sao trích lục hộ tịch) of an authority for a
 * period as xlsx, with the columns of the paper book (EXTRACTS-LINKAGE §4.4):
 * STT, date of issue, requester and ID document, copy type and number,
 * signer and title, copies, note (revocations). Scope: authorities the
 * reader may act for; the read is logged.
 */
import ExcelJS from 'exceljs';
import { assertPermission, logRead, type ActorContext } from '../auth/index.js';
import { addDays } from '../vn/index.js';
import { issuingUnit } from './copies.service.js';
import { vnTime } from './due-time.js';
import * as repo from './extracts.repo.js';
import type { PrintedCopy } from './printed-copy.js';

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Ngày, tháng, năm cấp bản sao', width: 16 },
  { header: 'Số bản sao', width: 20 },
  { header: 'Họ, chữ đệm, tên, giấy tờ tùy thân của người yêu cầu', width: 40 },
  { header: 'Loại bản sao trích lục', width: 34 },
  { header: 'Họ, chữ đệm, tên, chức vụ của người ký', width: 34 },
  { header: 'Số lượng bản sao', width: 10 },
  { header: 'Ghi chú', width: 40 },
] as const;

/** `from` and `to` are ISO days in Việt Nam's time, both included. */
export async function issuanceLogXlsx(ctx: ActorContext, unitRef: string, from: string, to: string): Promise<Buffer> {
  assertPermission(ctx.actor, 'extracts.issue');
  const unitId = await issuingUnit(ctx, unitRef);
  const copies = await repo.listCopies(ctx.store.db, ctx.actor, { unitId, from: vnTime(from, 0), to: vnTime(addDays(to, 1), 0) }, 100_000);
  const requests = new Map((await repo.listRequests(ctx.store.db, ctx.actor, { unitId }, 100_000)).map((r) => [r.id, r]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ cấp bản sao');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  copies.forEach((c, i) => {
    const p = c.printed as unknown as PrintedCopy;
    const r = c.request_id ? requests.get(c.request_id) : undefined;
    const requester = r ? [r.requester_name, [r.requester_id_type, r.requester_id_no].filter(Boolean).join(' số ')].filter(Boolean).join(', ') : '';
    const type = `${p.title} (bản sao)`;
    const note = c.revoked_at ? `Đã thu hồi ngày ${c.revoked_at.toISOString().slice(0, 10)}: ${c.revoke_reason}` : '';
    ws.addRow([i + 1, p.issuedOn.split('-').reverse().join('/'), c.number, requester, type, `${p.signer.name}, ${p.signer.title.replace(/\n/g, ' ')}`, c.copies, note]);
  });
  await logRead(ctx, { action: 'extract.log', entityType: 'admin_unit', entityId: unitId });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

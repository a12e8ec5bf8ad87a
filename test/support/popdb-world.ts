/**
 * A small world for the population-DB comparison (src/popdb): a test
 * province with two communes; commune A has a scanned birth book with five
 * completed registrations (one carrying a keyed personal ID, one still a
 * draft), commune B a book with one registration; an officer whose scope is
 * commune A. Built through the real services, acting as the system.
 */
import { randomBytes } from 'node:crypto';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { createUser, grantScope, userActor, withActor, type ActorContext, type AuthUser } from '../../src/auth/index.js';
import { createRecord } from '../../src/entry/index.js';
import { rebuildWithin } from '../../src/units/index.js';
import { keyCompleted } from './export-book.js';
import { fakeIncomingPage } from './fixtures.js';
import { CLEAN_KS_RECORD, patchValues } from './records.js';
import { textJpeg } from './scans.js';

export const POPDB_UNITS = [
  { id: 'legacy:province:93', scheme: 'legacy', level: 'province', code: '93', name: 'Tỉnh Đối Chiếu', kind: 'Tỉnh', parent_id: null },
  { id: 'legacy:district:931', scheme: 'legacy', level: 'district', code: '931', name: 'Huyện Đối Chiếu', kind: 'Huyện', parent_id: 'legacy:province:93' },
  { id: 'legacy:commune:93101', scheme: 'legacy', level: 'commune', code: '93101', name: 'Xã Đối Chiếu A', kind: 'Xã', parent_id: 'legacy:district:931' },
  { id: 'legacy:commune:93102', scheme: 'legacy', level: 'commune', code: '93102', name: 'Xã Đối Chiếu B', kind: 'Xã', parent_id: 'legacy:district:931' },
] as const;

/** A valid ID for a boy born in 2008 (place 001, century+sex 2, year 08). */
export const ID_OF_R5 = '001208004321';

export interface PopdbWorld {
  unitA: string;
  unitB: string;
  bookA: string;
  pageA: string;
  /** Completed registrations of book A by role: same, differs, notFound, conflict, holder (keyed ID). */
  rec: { same: string; differs: string; notFound: string; conflict: string; holder: string };
  draftA: string;
  recB: string;
  officer: AuthUser;
  officerCtx: ActorContext;
}

async function insertUnits(ctx: ActorContext): Promise<void> {
  await ctx.store.db
    .insertInto('admin_units')
    .values(POPDB_UNITS.map((u) => ({ ...u, source: 'test' })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await rebuildWithin(ctx.store.db);
}

async function book(ctx: ActorContext, name: 'A' | 'B', unitId: string): Promise<{ bookId: string; pageId: string }> {
  const b = await createBook(ctx, { registerType: 'KS', authority: `UBND Xã Đối Chiếu ${name}`, authorityUnitId: unitId, yearFrom: 2008, volumeNo: `0${name === 'A' ? 1 : 2}/2008` });
  const page = { ...fakeIncomingPage(1, name), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877, thumbnail: await textJpeg(100, 141, 4, 1) };
  const stored = await storeIngestedFile(ctx, b.id, { name: `${name}.pdf`, sha256: randomBytes(32).toString('hex'), kind: 'pdf', original: Buffer.from(name), pages: [page] });
  return { bookId: b.id, pageId: stored.pages[0]!.id };
}

export async function buildPopdbWorld(ctx: ActorContext, login = `popdb-officer-${randomBytes(3).toString('hex')}`): Promise<PopdbWorld> {
  await insertUnits(ctx);
  const a = await book(ctx, 'A', POPDB_UNITS[2].id);
  const b = await book(ctx, 'B', POPDB_UNITS[3].id);
  const key = (so: string, patch: Record<string, string | undefined>) => keyCompleted(ctx, a.bookId, [a.pageId], patchValues(CLEAN_KS_RECORD, { so, ...patch }));
  const rec = {
    same: await key('1', { nksHoTen: 'Phạm Anh Đài' }),
    differs: await key('2', { nksHoTen: 'Nguyễn Văn Bính', meHoTen: 'Trần Thị Hoà' }),
    notFound: await key('3', { nksHoTen: 'Lê Thị Mai', nksGioiTinh: '2' }),
    conflict: await key('4', { nksHoTen: 'Đỗ Văn Nam' }),
    holder: await key('5', { nksHoTen: 'Hoàng Văn Tâm', nksSoDinhDanh: ID_OF_R5 }),
  };
  const draft = await createRecord(ctx, { bookId: a.bookId, pageIds: [a.pageId], clientTxId: `tx-popdb-draft-${randomBytes(4).toString('hex')}` });
  const recB = await keyCompleted(ctx, b.bookId, [b.pageId], patchValues(CLEAN_KS_RECORD, { so: '1', nksHoTen: 'Vũ Văn Bê' }));
  const officer = await createUser(ctx, { login, role: 'officer', password: 'mật khẩu đối chiếu 1' });
  await grantScope(ctx, officer.id, { kind: 'unit', unitId: POPDB_UNITS[2].id });
  return { unitA: POPDB_UNITS[2].id, unitB: POPDB_UNITS[3].id, bookA: a.bookId, pageA: a.pageId, rec, draftA: draft.id, recB, officer, officerCtx: withActor(ctx, userActor(officer)) };
}

/**
 * The population side's answer: the exported xlsx read back and, per record
 * id, its result columns filled (dcTrangThai, dcHoTen…) as text; rows not
 * named are left as exported (empty status: a bad row).
 */
export async function fillResult(exported: Buffer, fill: Readonly<Record<string, Readonly<Record<string, string>>>>): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('DoiChieu')!;
  const colOf = new Map<string, number>();
  ws.getRow(1).eachCell((c, col) => colOf.set(/\(([A-Za-z]+)\)$/.exec(String(c.value))![1]!, col));
  ws.eachRow((row, rowNo) => {
    if (rowNo === 1) return;
    const values = fill[String(row.getCell(colOf.get('recordId')!).value)];
    for (const [key, v] of Object.entries(values ?? {})) row.getCell(colOf.get(key)!).value = v;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

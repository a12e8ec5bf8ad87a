/**
 * The world of the access matrix (test/http/access-matrix.db.test.ts): two
 * communes of a test province, A and B, each with a scanned book, a completed
 * registration, a keying pass, a disagreement, an export, a failed import
 * with its error report and a QC lot; one signed-in user per role whose
 * scope is commune A (the unit for admin, planner and officer; the book,
 * assigned, for keyer and reviewer) — so every role has something in scope
 * (A) and something out of scope (B); a finished job with a file per role for each side; a spare
 * user and an organization for the user-management routes. Built through the
 * real services, acting as the system.
 */
import { randomBytes } from 'node:crypto';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { createOrganization, createUser, grantScope, login, ROLE_IDS, userActor, withActor, type ActorContext, type AuthUser, type GrantInput, type Role } from '../../src/auth/index.js';
import { enqueueJob } from '../../src/core/index.js';
import { createKeyingPass } from '../../src/entry/index.js';
import { createExport, importFile } from '../../src/exchange/index.js';
import { addPackage, createCampaign } from '../../src/plans/index.js';
import { importPopdbFile } from '../../src/popdb/index.js';
import { createLot } from '../../src/qc/index.js';
import { rebuildWithin } from '../../src/units/index.js';
import { keyCompleted } from './export-book.js';
import { fakeIncomingPage } from './fixtures.js';
import { mojWorkbook } from './import-files.js';
import { CLEAN_KS_RECORD, patchValues } from './records.js';
import { textJpeg } from './scans.js';

export const PASSWORD = 'mat-khau-ma-tran-quyen';

export interface Side {
  unitId: string;
  bookId: string;
  pageId: string;
  recordId: string;
  passId: string;
  disagreementId: string;
  exportId: string;
  reportFile: string;
  importId: string;
  lotId: string;
  /** A population-DB batch (imported as the system) and its one row, which differs (src/popdb). */
  popdbBatchId: string;
  popdbRowId: string;
  /** A campaign of this commune and its one work package (plans). */
  campaignId: string;
  packageId: string;
}

export interface RoleUser {
  role: Role;
  user: AuthUser;
  headers: { authorization: string };
  /** A job of this user on book A (in scope) and on book B (out of scope). */
  jobIn: string;
  jobOut: string;
}

export interface AccessWorld {
  a: Side;
  b: Side;
  users: Record<Role, RoleUser>;
  /** A user the user-management routes act on. */
  spare: AuthUser;
  orgId: string;
  /** Every id of side B: none may appear in an answer to a scope-A user. */
  outIds: string[];
}

const UNITS = [
  { id: 'legacy:province:91', scheme: 'legacy', level: 'province', code: '91', name: 'Tỉnh Thử Nghiệm', kind: 'Tỉnh', parent_id: null },
  { id: 'legacy:district:911', scheme: 'legacy', level: 'district', code: '911', name: 'Huyện Thử', kind: 'Huyện', parent_id: 'legacy:province:91' },
  { id: 'legacy:commune:91101', scheme: 'legacy', level: 'commune', code: '91101', name: 'Xã Thử A', kind: 'Xã', parent_id: 'legacy:district:911' },
  { id: 'legacy:commune:91102', scheme: 'legacy', level: 'commune', code: '91102', name: 'Xã Thử B', kind: 'Xã', parent_id: 'legacy:district:911' },
] as const;

async function insertUnits(ctx: ActorContext): Promise<void> {
  await ctx.store.db
    .insertInto('admin_units')
    .values(UNITS.map((u) => ({ ...u, source: 'test' })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await rebuildWithin(ctx.store.db);
}

let seq = 0;
const tx = (tag: string) => `tx-matrix-${tag}-${String(++seq).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;

async function side(ctx: ActorContext, name: 'A' | 'B', unitId: string): Promise<Omit<Side, 'passId'>> {
  const book = await createBook(ctx, { registerType: 'KS', authority: `UBND Xã Thử ${name}, Huyện Thử, Tỉnh Thử Nghiệm`, authorityUnitId: unitId, yearFrom: 2008, volumeNo: name });
  const page = { ...fakeIncomingPage(1, name), image: await textJpeg(620, 877, 12, name === 'A' ? 1 : 2), width: 620, height: 877, thumbnail: await textJpeg(100, 141, 4, 1) };
  const stored = await storeIngestedFile(ctx, book.id, { name: `${name}.pdf`, sha256: (name === 'A' ? 'a' : 'b').repeat(64), kind: 'pdf', original: Buffer.from(name), pages: [page] });
  const pageId = stored.pages[0]!.id;
  const recordId = await keyCompleted(ctx, book.id, [pageId], patchValues(CLEAN_KS_RECORD, { so: '1' }));
  const disagreement = await ctx.store.db
    .insertInto('qc_disagreements')
    .values({ record_id: recordId, round: 1, field_key: 'so', value_a: '1', value_b: '1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const exported = await createExport(ctx, book.id);
  const bad = await mojWorkbook([patchValues(CLEAN_KS_RECORD, { nksHoTen: undefined, so: `9${name === 'A' ? 1 : 2}` })]);
  const failed = await importFile(ctx, { fileName: `loi-${name}.xlsx`, bytes: bad, bookId: book.id });
  const lot = await createLot(ctx, { scope: { kind: 'books', bookIds: [book.id] }, plan: { kind: 'confidence' } });
  const popdb = await importPopdbFile(ctx, { fileName: `dan-cu-${name}.csv`, bytes: Buffer.from(`recordId,dcTrangThai,dcHoTen\r\n${recordId},TIM_THAY,Tên Khác ${name}\r\n`) });
  const popdbRow = await ctx.store.db.selectFrom('popdb_rows').select('id').where('batch_id', '=', popdb.view.id).executeTakeFirstOrThrow();
  const campaign = await createCampaign(ctx, { name: `Kế hoạch số hóa xã ${name}`, unitId });
  const pkg = await addPackage(ctx, campaign.id, { unitId, registerTypes: ['KS'], yearFrom: 2000, yearTo: 2010, stages: [{ stage: 'key1', deadline: '2026-12-31' }] });
  return {
    campaignId: campaign.id,
    packageId: pkg.id,
    unitId,
    bookId: book.id,
    pageId,
    recordId,
    disagreementId: String(disagreement.id),
    exportId: exported.id,
    reportFile: exported.files.find((f) => f.kind === 'report')!.name,
    importId: failed.view.id,
    lotId: lot.id,
    popdbBatchId: popdb.view.id,
    popdbRowId: popdbRow.id,
  };
}

/** Scope A for a role: its unit, or (keyer, reviewer) the book itself, assigned. */
const scopeA = (role: Role, a: { unitId: string; bookId: string }): GrantInput => (role === 'keyer' || role === 'reviewer' ? { kind: 'book', bookId: a.bookId } : { kind: 'unit', unitId: a.unitId });

async function roleUser(ctx: ActorContext, role: Role, grant: GrantInput): Promise<{ user: AuthUser; headers: { authorization: string } }> {
  const user = await createUser(ctx, { login: `matrix-${role}`, role, password: PASSWORD });
  await grantScope(ctx, user.id, grant);
  const { token } = await login(ctx, { login: user.login, password: PASSWORD });
  return { user, headers: { authorization: `Bearer ${token}` } };
}

/** A fresh session of a role's user (for logout routes, which end the session they use). */
export async function freshHeaders(ctx: ActorContext, role: Role): Promise<{ authorization: string }> {
  const { token } = await login(ctx, { login: `matrix-${role}`, password: PASSWORD });
  return { authorization: `Bearer ${token}` };
}

export async function buildAccessWorld(ctx: ActorContext): Promise<AccessWorld> {
  await insertUnits(ctx);
  const sideA = await side(ctx, 'A', UNITS[2].id);
  const sideB = await side(ctx, 'B', UNITS[3].id);
  const signedIn = {} as Record<Role, { user: AuthUser; headers: { authorization: string } }>;
  for (const role of ROLE_IDS) signedIn[role] = await roleUser(ctx, role, scopeA(role, sideA));
  // Side A's keying pass is the keyer's own (only she may write it); side B's belongs to nobody in the matrix.
  const passA = await createKeyingPass(withActor(ctx, userActor(signedIn.keyer.user)), { registrationId: sideA.recordId, pass: 'A', clientTxId: tx('pass-A') });
  const passB = await createKeyingPass(ctx, { registrationId: sideB.recordId, pass: 'A', clientTxId: tx('pass-B') });
  const a: Side = { ...sideA, passId: passA.id };
  const b: Side = { ...sideB, passId: passB.id };
  const users = {} as Record<Role, RoleUser>;
  for (const role of ROLE_IDS) {
    const job = async (bookId: string) => {
      const id = await enqueueJob<{ 'export.book': { bookId: string; actorId: string } }, 'export.book'>(ctx, 'export.book', { bookId, actorId: signedIn[role].user.id });
      // finished, with a file of its own, so GET /api/jobs/:id/file has something to give its owner in scope
      const bytes = Buffer.from(`tệp của công việc ${id}`);
      const { sha256 } = await ctx.blobs.put(bytes);
      const file = { sha256, name: `cong-viec-${id}.txt`, contentType: 'text/plain; charset=utf-8', size: bytes.length };
      await ctx.store.db
        .updateTable('jobs')
        .set({ status: 'done', result: JSON.stringify({ file }), finished_at: new Date() })
        .where('id', '=', id)
        .execute();
      return id;
    };
    users[role] = { role, ...signedIn[role], jobIn: await job(a.bookId), jobOut: await job(b.bookId) };
  }
  const spare = await createUser(ctx, { login: 'matrix-spare', role: 'keyer', password: PASSWORD });
  const org = await createOrganization(ctx, { name: 'Đơn vị ma trận quyền', kind: 'other' });
  const outIds = [b.bookId, b.pageId, b.recordId, b.passId, b.exportId, b.importId, b.lotId, b.campaignId, b.packageId, b.popdbBatchId, b.popdbRowId];
  return { a, b, users, spare, orgId: org.id, outIds };
}

/**
 * One province, many agencies (issue 11), in a real browser against the built
 * app: a test province with communes A and B, two books of A and one of B.
 * - an officer of commune A sees only A's books, and the URL of a record of
 *   B answers "không tìm thấy";
 * - a keyer of a contractor sees only the book assigned to her; a planner
 *   assigns her every book of commune A from "Giao sổ" (the unit box), then
 *   takes one back with "Thôi giao": the keyer's next request, in the same
 *   session, no longer sees it;
 * - an admin creates an organization and a user with a unit scope on
 *   "Người dùng"; that user signs in and sees the unit's books; once the
 *   admin revokes the unit, her next request sees nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import { createOrganization, type ActorContext } from '../../src/auth/index.js';
import { createRecord } from '../../src/entry/index.js';
import { rebuildWithin } from '../../src/units/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { textJpeg } from '../support/scans.js';
import { createTestUser } from '../support/users.js';

const PASSWORD = 'mat-khau-pham-vi';
const PROVINCE = 'legacy:province:91';
const COMMUNE_A = 'legacy:commune:91101';
const COMMUNE_B = 'legacy:commune:91102';
const UNITS = [
  { id: PROVINCE, scheme: 'legacy', level: 'province', code: '91', name: 'Tỉnh Thử Nghiệm', kind: 'Tỉnh', parent_id: null },
  { id: 'legacy:district:911', scheme: 'legacy', level: 'district', code: '911', name: 'Huyện Thử', kind: 'Huyện', parent_id: PROVINCE },
  { id: COMMUNE_A, scheme: 'legacy', level: 'commune', code: '91101', name: 'Xã Thử A', kind: 'Xã', parent_id: 'legacy:district:911' },
  { id: COMMUNE_B, scheme: 'legacy', level: 'commune', code: '91102', name: 'Xã Thử B', kind: 'Xã', parent_id: 'legacy:district:911' },
];

/** Where the screenshots of the two screens are kept (test-results/, an artifact). */
function screenshot(name: string): string {
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  return path.join(ROOT, 'test-results', `scope-${name}`);
}

interface World {
  a1: { bookId: string; recordId: string };
  a2: { bookId: string; recordId: string };
  b1: { bookId: string; recordId: string };
}

/** A book of the commune with one scanned page and one registration on it. */
async function bookWithRecord(ctx: ActorContext, commune: 'A' | 'B', unitId: string, volumeNo: string): Promise<{ bookId: string; recordId: string }> {
  const book = await createBook(ctx, { registerType: 'KS', authority: `UBND Xã Thử ${commune}, Huyện Thử, Tỉnh Thử Nghiệm`, authorityUnitId: unitId, yearFrom: 2008, volumeNo });
  const page = { ...fakeIncomingPage(1, volumeNo), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877, thumbnail: await textJpeg(100, 141, 4, 1) };
  const stored = await storeIngestedFile(ctx, book.id, { name: `${volumeNo}.pdf`, sha256: randomBytes(32).toString('hex'), kind: 'pdf', original: Buffer.from(volumeNo), pages: [page] });
  const record = await createRecord(ctx, { bookId: book.id, pageIds: [stored.pages[0]!.id], clientTxId: `tx-scope-${volumeNo}-${randomBytes(4).toString('hex')}` });
  return { bookId: book.id, recordId: record.id };
}

async function seed(ctx: ActorContext): Promise<World> {
  await ctx.store.db
    .insertInto('admin_units')
    .values(UNITS.map((u) => ({ ...u, source: 'test' })))
    .execute();
  await rebuildWithin(ctx.store.db);
  const world = { a1: await bookWithRecord(ctx, 'A', COMMUNE_A, 'A-1'), a2: await bookWithRecord(ctx, 'A', COMMUNE_A, 'A-2'), b1: await bookWithRecord(ctx, 'B', COMMUNE_B, 'B-1') };
  const contractor = await createOrganization(ctx, { name: 'Công ty Số hóa Thử', kind: 'contractor' });
  await createTestUser(ctx, { login: 'quantri', role: 'admin', password: PASSWORD });
  await createTestUser(ctx, { login: 'sotuphap', displayName: 'Lê Văn Sở', role: 'planner', password: PASSWORD }, [{ kind: 'unit', unitId: PROVINCE }]);
  await createTestUser(ctx, { login: 'canbo.a', displayName: 'Nguyễn Thị A', role: 'officer', password: PASSWORD }, [{ kind: 'unit', unitId: COMMUNE_A }]);
  await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Trần Thị Nhập', role: 'keyer', password: PASSWORD, organizationId: contractor.id }, [{ kind: 'book', bookId: world.a1.bookId }]);
  return world;
}

/** The volumes (titles end with the volume) of the books screen, loaded afresh: a reload in the same session, once the network is quiet. */
async function listedVolumes(t: BrowserApp, page: Page): Promise<string[]> {
  await page.goto(`${t.base}/#/books`);
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Quyển sổ' }).waitFor();
  return (await page.locator('table tbody tr td:first-child').allTextContents()).map((c) => c.split(' ').pop()!).sort();
}

/** Opens a record by its URL, within the app (no reload): 'opened' when the keying form shows, else the error shown. */
async function openRecord(t: BrowserApp, page: Page, recordId: string): Promise<string> {
  await page.goto(`${t.base}/#/records/${recordId}`);
  const form = page.locator('.form-panel input').first();
  const error = page.locator('p.keying-message[role=alert]');
  await form.or(error).first().waitFor();
  return (await form.count()) > 0 ? 'opened' : ((await error.textContent()) ?? '');
}

describe('scopes in the browser: communes, assignments, user management', () => {
  let t: BrowserApp;
  let w: World;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      w = await seed(ctx);
    });
  }, 180_000);
  afterAll(async () => t?.close());

  it("an officer of commune A sees only A's books; a record of B is not found", async () => {
    const page = await signIn(t, 'canbo.a', PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Điều hướng' });
    expect(await nav.getByRole('link', { name: 'Giao sổ' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    expect(await listedVolumes(t, page)).toEqual(['A-1', 'A-2']);
    expect(await page.getByText('UBND Xã Thử B', { exact: false }).count()).toBe(0);
    expect(await openRecord(t, page, w.b1.recordId)).toMatch(/không tìm thấy/i);
    expect(await openRecord(t, page, w.a2.recordId)).toBe('opened');
    await page.goto(`${t.base}/#/admin/users`);
    await page.getByRole('alert').filter({ hasText: 'Bạn không có quyền quản lý người dùng.' }).waitFor();
    await page.context().close();
  }, 90_000);

  it('a keyer sees only her assignment; a planner assigns a commune and takes a book back, effective at her next request', async () => {
    const keyer = await signIn(t, 'nhaplieu', PASSWORD);
    expect(await keyer.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link').allTextContents()).toEqual(['Trang chủ', 'Quyển sổ', 'Nghiệm thu', 'Độ chính xác nhập liệu', 'Tìm kiếm']);
    expect(await listedVolumes(t, keyer)).toEqual(['A-1']);
    expect(await openRecord(t, keyer, w.b1.recordId)).toMatch(/không tìm thấy/i);
    await keyer.goto(`${t.base}/#/admin/assign`);
    await keyer.getByRole('alert').filter({ hasText: 'Bạn không có quyền giao quyển sổ' }).waitFor();

    const planner = await signIn(t, 'sotuphap', PASSWORD);
    await planner.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Giao sổ' }).click();
    await planner.getByRole('heading', { name: 'Giao sổ' }).waitFor();
    await planner.getByLabel('Tổ chức').selectOption({ label: 'Công ty Số hóa Thử (Đơn vị thi công (nhà thầu))' });
    const people = planner.getByRole('list', { name: 'Người nhận' });
    await people.getByRole('checkbox').first().waitFor();
    expect(await people.getByRole('checkbox').count()).toBe(1);
    await people.getByLabel(/Trần Thị Nhập/).check();
    const bookList = planner.getByRole('list', { name: 'Quyển sổ để giao' });
    expect(await bookList.getByRole('checkbox').count()).toBe(3);
    await planner.getByLabel('Lọc quyển sổ').fill('xa thu b');
    await expect.poll(() => bookList.getByRole('checkbox').count()).toBe(1);
    expect(await bookList.textContent()).toMatch(/B-1 — UBND Xã Thử B/);
    await planner.getByLabel('Lọc quyển sổ').fill('');
    await planner.getByLabel('Hoặc mọi quyển của xã (hoặc huyện, tỉnh)').fill('Thử A');
    await planner.getByRole('button', { name: /^Xã Thử A, Huyện Thử/ }).click();
    await planner.getByRole('button', { name: 'Giao sổ', exact: true }).click();
    await planner.getByRole('status').filter({ hasText: 'Đã giao 2 quyển sổ cho 1 người: 1 lượt giao mới, 1 lượt đã giao từ trước.' }).waitFor();
    expect(await listedVolumes(t, keyer)).toEqual(['A-1', 'A-2']);

    const assigned = planner.getByRole('list', { name: 'Sổ đã giao cho nhaplieu' });
    await expect.poll(() => assigned.getByRole('button', { name: 'Thôi giao' }).count()).toBe(2);
    await planner.screenshot({ path: screenshot('assign.png') });
    await assigned.getByRole('button', { name: /^Thôi giao KS quyển A-1 năm 2008 — UBND Xã Thử A.* cho nhaplieu$/ }).click();
    await planner
      .getByRole('status')
      .filter({ hasText: /^Đã thôi giao "KS quyển A-1 năm 2008 — .*" cho nhaplieu\.$/ })
      .waitFor();
    await expect.poll(() => assigned.getByRole('button', { name: 'Thôi giao' }).count()).toBe(1);

    // The keyer's session is the same: her next requests no longer see book A-1.
    expect(await openRecord(t, keyer, w.a1.recordId)).toMatch(/không tìm thấy/i);
    expect(await listedVolumes(t, keyer)).toEqual(['A-2']);
    await keyer.context().close();
    await planner.context().close();
  }, 120_000);

  it('an admin creates an organization and a user with a unit scope; she sees the unit, then nothing once it is revoked', async () => {
    const admin = await signIn(t, 'quantri', PASSWORD);
    await admin.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Người dùng' }).click();
    const orgForm = admin.getByRole('form', { name: 'Thêm tổ chức' });
    await orgForm.getByLabel('Tên tổ chức').fill('UBND Xã Thử A');
    await orgForm.getByLabel('Loại').selectOption({ label: 'UBND xã, phường, đặc khu' });
    await orgForm.getByRole('button', { name: 'Thêm tổ chức' }).click();
    await admin.getByRole('status').filter({ hasText: 'Đã thêm tổ chức "UBND Xã Thử A" (UBND xã, phường, đặc khu).' }).waitFor();

    const form = admin.getByRole('form', { name: 'Thêm người dùng' });
    await form.getByLabel('Tên đăng nhập').fill('hotich.xa.a');
    await form.getByLabel('Họ tên').fill('Phạm Văn Xã');
    await form.getByLabel('Vai trò').selectOption({ label: 'Công chức tư pháp - hộ tịch' });
    await form.getByLabel('Tổ chức').selectOption({ label: 'UBND Xã Thử A' });
    await form.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cua-xa-a');
    await form.getByLabel('Nhập lại mật khẩu').fill('mat-khau-go-nham');
    await form.getByLabel('Thêm đơn vị được xem').fill('Thử A');
    await form.getByRole('button', { name: /^Xã Thử A, Huyện Thử/ }).click();
    expect(await form.getByRole('list', { name: 'Đơn vị được xem' }).textContent()).toMatch(/^Xã Thử A/);
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Hai lần nhập mật khẩu không khớp.' }).waitFor();
    await form.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-xa-a');
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await admin.getByRole('status').filter({ hasText: 'Đã tạo người dùng "hotich.xa.a" (Công chức tư pháp - hộ tịch); phạm vi: Xã Thử A.' }).waitFor();
    const row = admin
      .getByRole('table', { name: 'Danh sách người dùng' })
      .getByRole('row')
      .filter({ has: admin.getByRole('cell', { name: 'hotich.xa.a', exact: true }) });
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['hotich.xa.a', 'Phạm Văn Xã', 'Công chức tư pháp - hộ tịch', 'UBND Xã Thử A', 'Xã Thử A', 'Đang dùng', 'Quản lý']);

    const created = await signIn(t, 'hotich.xa.a', 'mat-khau-cua-xa-a');
    expect(await listedVolumes(t, created)).toEqual(['A-1', 'A-2']);

    await row.getByRole('button', { name: 'Quản lý hotich.xa.a' }).click();
    await admin.screenshot({ path: screenshot('users.png'), fullPage: true });
    await admin.getByRole('group', { name: 'Quản lý hotich.xa.a' }).getByRole('button', { name: 'Thu hồi: Xã Thử A' }).click();
    await admin.getByRole('status').filter({ hasText: 'Đã thu hồi phạm vi "Xã Thử A".' }).waitFor();
    await expect.poll(() => row.locator('td').nth(4).textContent()).toBe('Không thấy quyển sổ nào');
    expect(await listedVolumes(t, created)).toEqual([]);
    await created.context().close();
    await admin.context().close();
  }, 120_000);
});

/**
 * The app shell and the home page of each role in a real browser (issue 14),
 * on a small world the test makes: a province, a district, communes A and B;
 * in A a book being keyed (3 registrations completed today by the keyer, one
 * draft of hers), a book being checked (4 completed), a double-keyed book
 * whose two passes differ in 2 fields (open for arbitration), an acceptance
 * lot being sampled, a campaign whose keying stage in A is 3 days late; in B
 * a book with 2 completed registrations. Each role signs in and sees its
 * home with these counts, its unit and name in the header, navigates by the
 * shell's navigation and breadcrumbs (province → district → commune → book →
 * record), and none of the page's calls is refused.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook, listPages, storeIngestedFile } from '../../src/archive/index.js';
import { createOrganization, type ActorContext } from '../../src/auth/index.js';
import { saveRecord, type RecordView } from '../../src/entry/index.js';
import { addPackage, createCampaign } from '../../src/plans/index.js';
import { claimPass, completePass, createLot, createRecordInBook, getLot, setQcMode } from '../../src/qc/index.js';
import { rebuildWithin } from '../../src/units/index.js';
import { ROOT, signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { CLEAN_KS_RECORD } from '../support/records.js';
import { textJpeg } from '../support/scans.js';
import { as, createTestUser } from '../support/users.js';
import { provinceOfBook } from '../../src/store/index.js';

const PASSWORD = 'mat-khau-trang-chu';
const PROVINCE = 'legacy:province:96';
const DISTRICT = 'legacy:district:961';
const A = 'legacy:commune:96101';
const B = 'legacy:commune:96102';
const UNITS = [
  { id: PROVINCE, level: 'province', code: '96', name: 'Trang Chủ Thử', kind: 'Tỉnh', parent_id: null },
  { id: DISTRICT, level: 'district', code: '961', name: 'Khung Thử', kind: 'Huyện', parent_id: PROVINCE },
  { id: A, level: 'commune', code: '96101', name: 'Nhà A', kind: 'Xã', parent_id: DISTRICT },
  { id: B, level: 'commune', code: '96102', name: 'Nhà B', kind: 'Xã', parent_id: DISTRICT },
];
const ORG = 'UBND xã Nhà A';
/** A Vietnam day n days from today (yyyy-mm-dd), as the server counts days. */
const daysFromNow = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const viDay = (iso: string) => iso.split('-').reverse().join('/');

interface World {
  keying: string;
  checking: string;
  double: string;
  draft: string;
  lotId: string;
}

async function bookWithPage(ctx: ActorContext, unitId: string, volumeNo: string): Promise<{ id: string; pageId: string }> {
  const book = await createBook(ctx, { registerType: 'KS', authority: `UBND ${volumeNo}`, authorityUnitId: unitId, yearFrom: 2005, volumeNo });
  const page = { ...fakeIncomingPage(1, volumeNo), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877, thumbnail: await textJpeg(100, 141, 4, 1) };
  await storeIngestedFile(ctx, book.id, { name: `${volumeNo}.pdf`, sha256: randomBytes(32).toString('hex'), kind: 'pdf', original: Buffer.from(volumeNo), pages: [page] });
  return { id: book.id, pageId: (await listPages(ctx, book.id))[0]!.id };
}

/** Registrations written as the services leave them (completed ones with their completion time now). */
async function registrations(ctx: ActorContext, book: { id: string; pageId: string }, n: number, status: 'completed' | 'draft', keyedBy: string | null): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    book_id: book.id,
    province_code: provinceOfBook(book.id),
    register_type: 'KS',
    template_version: 'KS-70',
    values: { ...CLEAN_KS_RECORD, so: String(100 + i) },
    page_ids: JSON.stringify([book.pageId]),
    status,
    keyed_by: keyedBy,
    completed_at: status === 'completed' ? new Date() : null,
  }));
  return (await ctx.store.db.insertInto('records').values(rows).returning('id').execute()).map((r) => r.id);
}

async function doubleKeyed(ctx: ActorContext, book: { id: string; pageId: string }, keyerA: string, keyerB: string): Promise<void> {
  await setQcMode(ctx, { bookId: book.id, mode: 'double_blind' });
  const passA = await createRecordInBook(await as(ctx, keyerA), { bookId: book.id, pageIds: [book.pageId], clientTxId: 'home-pass-a' });
  const passB = await claimPass(await as(ctx, keyerB), { registrationId: passA.keyingOf!, clientTxId: 'home-pass-b' });
  const key = async (pass: RecordView, values: Record<string, string>, actorId: string, tag: string) => {
    const saved = await saveRecord(await as(ctx, actorId), { recordId: pass.id, clientTxId: `home-save-${tag}`, expectedVersion: pass.version, values });
    await completePass(await as(ctx, actorId), { recordId: pass.id, clientTxId: `home-done-${tag}`, expectedVersion: saved.version });
  };
  await key(passA, { ...CLEAN_KS_RECORD }, keyerA, 'a');
  await key(passB, { ...CLEAN_KS_RECORD, so: '16', meHoTen: 'Nguyen Thi Lan' }, keyerB, 'b');
}

async function seed(ctx: ActorContext): Promise<World> {
  await ctx.store.db
    .insertInto('admin_units')
    .values(UNITS.map((u) => ({ ...u, scheme: 'legacy', source: 'test' })))
    .execute();
  await rebuildWithin(ctx.store.db);
  const commune = await createOrganization(ctx, { name: ORG, kind: 'ubnd_xa', unitId: A });
  const contractor = await createOrganization(ctx, { name: 'Công ty Nhập Thử', kind: 'contractor' });
  const keying = await bookWithPage(ctx, A, 'A-1');
  const checking = await bookWithPage(ctx, A, 'A-2');
  const double = await bookWithPage(ctx, A, 'A-3');
  const other = await bookWithPage(ctx, B, 'B-1');
  const [keyerA, keyerB] = await Promise.all([
    createTestUser(ctx, { login: 'nhap-a', role: 'keyer', password: PASSWORD }),
    createTestUser(ctx, { login: 'nhap-b', role: 'keyer', password: PASSWORD }),
  ]);
  const keyer = await createTestUser(ctx, { login: 'nhaplieu', displayName: 'Trần Thị Nhập', role: 'keyer', password: PASSWORD, organizationId: contractor.id }, [{ kind: 'book', bookId: keying.id }]);
  await createTestUser(ctx, { login: 'canbo', displayName: 'Nguyễn Thị Cán', role: 'officer', password: PASSWORD, organizationId: commune.id }, [{ kind: 'unit', unitId: A }]);
  await createTestUser(ctx, { login: 'kiemtra', displayName: 'Lê Văn Kiểm', role: 'reviewer', password: PASSWORD, organizationId: contractor.id }, [{ kind: 'unit', unitId: A }]);
  await createTestUser(ctx, { login: 'sotuphap', displayName: 'Phạm Văn Sở', role: 'planner', password: PASSWORD }, [{ kind: 'unit', unitId: PROVINCE }]);
  await createTestUser(ctx, { login: 'quantri', displayName: 'Quản Trị Thử', role: 'admin', password: PASSWORD });
  await registrations(ctx, keying, 3, 'completed', keyer.id);
  const [draft] = await registrations(ctx, keying, 1, 'draft', keyer.id);
  await registrations(ctx, checking, 4, 'completed', null);
  await registrations(ctx, other, 2, 'completed', null);
  await ctx.store.db.updateTable('books').set({ status: 'keying' }).where('id', '=', keying.id).execute();
  await ctx.store.db.updateTable('books').set({ status: 'checking' }).where('id', 'in', [checking.id, other.id]).execute();
  await doubleKeyed(ctx, double, keyerA.id, keyerB.id);
  const lot = await createLot(ctx, { scope: { kind: 'books', bookIds: [checking.id] }, plan: { kind: 'iso2859', aql: 0.65 }, seed: '314159265358979323846264' });
  const campaign = await createCampaign(ctx, { name: 'Kế hoạch số hóa thử trang chủ', unitId: PROVINCE });
  await addPackage(ctx, campaign.id, {
    unitId: A,
    registerTypes: ['KS'],
    yearFrom: 2000,
    yearTo: 2010,
    estimates: { registrations: 40 },
    stages: [{ stage: 'key1', deadline: daysFromNow(-3), organizationId: contractor.id, person: 'Trần Thị Nhập' }],
  });
  return { keying: keying.id, checking: checking.id, double: double.id, draft: draft!, lotId: lot.id };
}

/** Every response of the app's own calls that answers 4xx/5xx, and a wait until the page's calls are done. */
function watch(page: Page, base: string) {
  let inFlight = 0;
  const refused: string[] = [];
  page.on('request', () => void inFlight++);
  page.on('requestfinished', () => void inFlight--);
  page.on('requestfailed', () => void inFlight--);
  page.on('response', (r) => {
    if (r.url().startsWith(base) && r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname} (${page.url().replace(base, '')})`);
  });
  const settled = async () => {
    for (let quiet = 0, waited = 0; quiet < 4 && waited < 4_000; waited += 150) {
      await page.waitForTimeout(150);
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  };
  return { refused, settled };
}

/** A screenshot of a home at 1366×768, kept under test-results/ (an artifact). */
async function keep(page: Page, role: string): Promise<void> {
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results', `home-${role}.png`) });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng' });
const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Đường dẫn', exact: true });

describe('the app shell and the home of each role', () => {
  let t: BrowserApp;
  let w: World;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      w = await seed(ctx);
    });
  }, 240_000);
  afterAll(async () => t?.close());

  it('the officer: her commune in the header, its books by stage, 7 registrations awaiting her approval, the late stage; navigation and breadcrumbs down to a record', async () => {
    const page = await signIn(t, 'canbo', PASSWORD);
    const { refused, settled } = watch(page, t.base);
    await page.getByRole('heading', { name: `Trang chủ — ${ORG}` }).waitFor();
    await expect.poll(() => page.getByTestId('shell-unit').textContent()).toBe(`${ORG}Phạm vi: Nhà A`);
    expect(await page.getByTestId('shell-user').textContent()).toContain('Nguyễn Thị Cán');
    expect(await page.getByTestId('awaiting-count').textContent()).toBe('7');
    const awaiting = page.getByRole('table', { name: 'Chờ kiểm tra, phê duyệt' });
    expect(await awaiting.locator('tbody tr').allTextContents()).toEqual(['Sổ đăng ký khai sinh A-2UBND A-24', 'Sổ đăng ký khai sinh A-1UBND A-13']);
    expect(await page.getByTestId('stage-keying').textContent()).toBe('2 Đang nhập liệu');
    expect(await page.getByTestId('stage-checking').textContent()).toBe('1 Đang kiểm tra');
    await page.getByTestId('due-item').first().waitFor();
    await settled();
    await keep(page, 'officer');
    expect(await page.getByTestId('due-item').allTextContents()).toEqual([`Chậm tiến độ Xã Nhà A — Nhập liệu lần 1: hạn ${viDay(daysFromNow(-3))} (quá hạn 3 ngày) · Công ty Nhập Thử`]);
    await settled();

    // The navigation: the books table, filtered from the home's stage link.
    await page.getByTestId('stage-checking').getByRole('link').click();
    await expect.poll(() => page.locator('table tbody tr td:first-child').allTextContents()).toEqual(['Sổ đăng ký khai sinh A-2']);
    await nav(page).getByRole('link', { name: 'Quyển sổ' }).click();
    await expect.poll(() => page.getByTestId('book-count').textContent()).toBe('3 quyển sổ');
    expect(await nav(page).locator('[aria-current="page"]').textContent()).toBe('Quyển sổ');

    // Breadcrumbs: book → district → commune, and a record's history under its book.
    await page.getByRole('link', { name: 'Sổ đăng ký khai sinh A-1' }).click();
    await page.getByRole('heading', { name: 'Sổ đăng ký khai sinh A-1' }).waitFor();
    expect(await crumbs(page).getByRole('listitem').allTextContents()).toEqual(['Trang chủ', 'Tỉnh Trang Chủ Thử', 'Huyện Khung Thử', 'Xã Nhà A', 'Sổ đăng ký khai sinh A-1']);
    await crumbs(page).getByRole('link', { name: 'Huyện Khung Thử' }).click();
    await expect.poll(() => page.getByTestId('book-count').textContent()).toBe('3 quyển sổ');
    expect(await crumbs(page).getByRole('listitem').allTextContents()).toEqual(['Trang chủ', 'Quyển sổ', 'Huyện Khung Thử']);
    await page.goto(`${t.base}/#/history/records/${w.draft}`);
    await expect
      .poll(() => crumbs(page).getByRole('listitem').allTextContents())
      .toEqual(['Trang chủ', 'Tỉnh Trang Chủ Thử', 'Huyện Khung Thử', 'Xã Nhà A', 'Sổ đăng ký khai sinh A-1', 'Bản ghi số 100']);
    await crumbs(page).getByRole('link', { name: 'Sổ đăng ký khai sinh A-1' }).click();
    await page.getByRole('heading', { name: 'Sổ đăng ký khai sinh A-1' }).waitFor();
    await crumbs(page).getByRole('link', { name: 'Trang chủ', exact: true }).click();
    await page.getByRole('heading', { name: `Trang chủ — ${ORG}` }).waitFor();
    await settled();
    expect(refused).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the keyer: 3 completed today, her draft as the next record to key, her assigned book; the keying screen stays full-screen', async () => {
    const page = await signIn(t, 'nhaplieu', PASSWORD);
    const { refused, settled } = watch(page, t.base);
    await page.getByRole('heading', { name: 'Việc nhập liệu của tôi' }).waitFor();
    expect(await page.getByTestId('shell-unit').textContent()).toBe('Công ty Nhập ThửPhạm vi: 1 quyển sổ được giao');
    await expect.poll(() => page.getByTestId('keyed-today').locator('.tile-value').textContent()).toBe('3');
    expect(await page.getByTestId('keyed-7').locator('.tile-value').textContent()).toBe('3');
    expect(await page.getByTestId('my-drafts').locator('.tile-value').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('my-accuracy').textContent()).toBe('—Độ chính xác qua kiểm tra chất lượngchưa có kết quả kiểm tra');
    await expect.poll(() => page.getByRole('table', { name: 'Quyển sổ được giao' }).locator('tbody tr td:first-child a').allTextContents()).toEqual(['Sổ đăng ký khai sinh A-1']);
    expect(await nav(page).getByRole('link').allTextContents()).toEqual(['Trang chủ', 'Quyển sổ', 'Nghiệm thu', 'Độ chính xác nhập liệu', 'Tìm kiếm']);
    await settled();
    await keep(page, 'keyer');
    await page.getByTestId('next-record').click();
    await page.getByTestId('record-status').waitFor();
    expect(page.url()).toBe(`${t.base}/#/records/${w.draft}`);
    expect(await page.getByRole('navigation', { name: 'Điều hướng' }).count()).toBe(0);
    await settled();
    expect(refused).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the reviewer: 2 differences waiting for arbitration, the lot being sampled, the registrations awaiting a check', async () => {
    const page = await signIn(t, 'kiemtra', PASSWORD);
    const { refused, settled } = watch(page, t.base);
    await page.getByRole('heading', { name: 'Việc kiểm tra của tôi' }).waitFor();
    await expect.poll(() => page.getByTestId('arbitration-remaining').locator('.tile-value').textContent()).toBe('2');
    const lot = await getLot(t.ctx, w.lotId);
    await expect.poll(() => page.getByTestId('sampling-lot').locator('td.num').allTextContents()).toEqual([`0 / ${lot.progress.sampled}`]);
    expect(await page.getByTestId('awaiting-count').textContent()).toBe('7');
    await settled();
    await keep(page, 'reviewer');
    await page.getByRole('link', { name: 'Mở hàng chờ trọng tài' }).click();
    await page.getByTestId('arbitration').waitFor();
    expect(await page.getByTestId('arbitration').locator('p').first().textContent()).toContain('Còn 2 điểm khác biệt');
    expect(await nav(page).locator('[aria-current="page"]').textContent()).toBe('Hàng chờ trọng tài');
    await nav(page).getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByRole('link', { name: 'Kiểm tra mẫu tiếp' }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/qc/lots/${w.lotId}/review/`));
    await settled();
    expect(refused).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("the planner: the province dashboard of the campaign as her home, the province's 4 books by stage", async () => {
    const page = await signIn(t, 'sotuphap', PASSWORD);
    const { refused, settled } = watch(page, t.base);
    await page.getByRole('heading', { name: 'Kế hoạch số hóa' }).waitFor();
    await page.getByRole('heading', { name: /^Tỉnh Trang Chủ Thử/ }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: /^Quyển sổ theo công đoạn/ }).textContent()).toBe('Quyển sổ theo công đoạn (4)');
    expect(await page.getByTestId('stage-checking').textContent()).toBe('2 Đang kiểm tra');
    await page.getByRole('navigation', { name: 'Đường dẫn đơn vị' }).waitFor();
    await settled();
    await keep(page, 'planner');
    expect(refused).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the administrator: the overview of every book and the 9 registrations awaiting a check, reachable by keyboard', async () => {
    const page = await signIn(t, 'quantri', PASSWORD);
    const { refused, settled } = watch(page, t.base);
    await page.getByRole('heading', { name: 'Tổng quan hệ thống' }).waitFor();
    expect(await page.getByTestId('awaiting-count').textContent()).toBe('9');
    expect(await page.getByRole('heading', { name: /^Quyển sổ theo công đoạn/ }).textContent()).toBe('Quyển sổ theo công đoạn (4)');
    // The skip link is the first stop of the keyboard on a fresh load; the navigation's links follow.
    await page.reload();
    await page.getByRole('heading', { name: 'Tổng quan hệ thống' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua điều hướng');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    await nav(page).getByRole('link', { name: 'Người dùng' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Người dùng' }).first().waitFor();
    await settled();
    expect(refused).toEqual([]);
    await page.context().close();
  }, 120_000);
});

/**
 * Certified copies in a real browser (issue 15): an officer searches a name
 * typed without diacritics, opens the found registration's "Cấp bản sao",
 * issues a birth copy, downloads the PDF,
 * reads the QR code out of it and opens the verification page it points to;
 * once she revokes the copy, the same page says so with the reason.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook, storeIngestedFile } from '../../src/archive/index.js';
import type { ActorContext } from '../../src/auth/index.js';
import { rebuildWithin } from '../../src/units/index.js';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser.js';
import { keyCompleted } from '../support/export-book.js';
import { fakeIncomingPage } from '../support/fixtures.js';
import { pdfQr, pdfText } from '../support/pdf-read.js';
import { CLEAN_KS_RECORD, patchValues } from '../support/records.js';
import { textJpeg } from '../support/scans.js';
import { createTestUser } from '../support/users.js';

const PASSWORD = 'mat-khau-ban-sao';
const COMMUNE = 'legacy:commune:94101';
const UNITS = [
  { id: 'legacy:province:94', scheme: 'legacy', level: 'province', code: '94', name: 'Tỉnh Thử Bản Sao', kind: 'Tỉnh', parent_id: null },
  { id: 'legacy:district:941', scheme: 'legacy', level: 'district', code: '941', name: 'Huyện Vũ Thư', kind: 'Huyện', parent_id: 'legacy:province:94' },
  { id: COMMUNE, scheme: 'legacy', level: 'commune', code: '94101', name: 'Xã Vũ Hội', kind: 'Xã', parent_id: 'legacy:district:941' },
];

async function seed(ctx: ActorContext): Promise<string> {
  await ctx.store.db
    .insertInto('admin_units')
    .values(UNITS.map((u) => ({ ...u, source: 'test' })))
    .execute();
  await rebuildWithin(ctx.store.db);
  const book = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã Vũ Hội, huyện Vũ Thư', authorityUnitId: COMMUNE, yearFrom: 2008, volumeNo: '01/2008' });
  const page = { ...fakeIncomingPage(1, 'vu-hoi'), image: await textJpeg(620, 877, 12, 1), width: 620, height: 877, thumbnail: await textJpeg(100, 141, 4, 1) };
  const stored = await storeIngestedFile(ctx, book.id, { name: 'vu-hoi.pdf', sha256: createHash('sha256').update(book.id).digest('hex'), kind: 'pdf', original: Buffer.from(book.id), pages: [page] });
  const recordId = await keyCompleted(ctx, book.id, [stored.pages[0]!.id], patchValues(CLEAN_KS_RECORD, { so: '7', quyenSo: '01/2008', nksHoTen: 'Nguyễn Thị Thuý Hoà' }));
  const officer = await createTestUser(ctx, { login: 'canbo.vuhoi', displayName: 'Đỗ Thị Hộ', role: 'officer', password: PASSWORD }, [{ kind: 'unit', unitId: COMMUNE }]);
  await ctx.store.db
    .insertInto('qc_lots')
    .values({
      scope: JSON.stringify({ kind: 'books', bookIds: [book.id], books: [{ id: book.id, label: 'sổ thử' }] }),
      plan: JSON.stringify({ kind: 'confidence' }),
      targets: JSON.stringify({}),
      seed: randomBytes(4).readUInt32BE().toString().padStart(6, '1'),
      sampler: 'test',
      manifest_hash: 'x',
      lot_size: 1,
      status: 'accepted',
      decision: JSON.stringify({ verdict: 'accept' }),
      decided_by: officer.id,
      decided_at: new Date(),
    })
    .execute();
  return recordId;
}

describe('certified copies in the browser', () => {
  let t: BrowserApp;
  let recordId: string;
  beforeAll(async () => {
    t = await startBrowserApp(async (ctx) => {
      recordId = await seed(ctx);
    });
  }, 180_000);
  afterAll(async () => t?.close());

  it('an officer issues a birth copy, downloads its PDF and opens the verification page from its QR code; a revoked copy says so', async () => {
    const page = await signIn(t, 'canbo.vuhoi', PASSWORD, { acceptDownloads: true });
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Bản sao trích lục' }).waitFor();
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Tìm kiếm' }).click();
    await page.getByLabel('Họ tên').fill('nguyen thi thuy hoa');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    await hit.getByRole('link', { name: 'Cấp bản sao' }).click();
    await page.waitForURL(`**/#/extracts/record/${recordId}`);
    await page.getByText('NGUYỄN THỊ THUÝ HOÀ', { exact: false }).or(page.getByText('Nguyễn Thị Thuý Hoà')).first().waitFor();
    await page.getByLabel('Họ tên người ký').fill('Trần Văn Ký');
    await page.getByRole('button', { name: 'Cấp bản sao' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Đã cấp bản sao số' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/1\/\d{4}\/GKS-BS/);
    const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('link', { name: 'Tải PDF' }).click()]);
    const pdf = await readFile((await download.path())!);
    expect(await pdfText(pdf)).toContain('GIẤY KHAI SINH');
    const qr = await pdfQr(pdf);
    expect(qr).toMatch(/\/verify\/[A-Za-z0-9_-]{24}$/);
    const verifyPath = new URL(qr!).pathname;
    const verify = await page.context().newPage();
    await verify.goto(`${t.base}${verifyPath}`);
    await verify.getByText('Bản sao còn hiệu lực.').waitFor();
    expect(await verify.textContent('body')).toContain('NGUYỄN THỊ THUÝ HOÀ');
    expect(await verify.textContent('body')).toContain('không phải Cơ sở dữ liệu hộ tịch điện tử toàn quốc');

    page.once('dialog', (d) => void d.accept('Cấp nhầm người yêu cầu'));
    await page.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByText('Đã thu hồi: Cấp nhầm người yêu cầu').waitFor();
    await verify.reload();
    await verify.getByText('Bản sao đã bị thu hồi').waitFor();
    expect(await verify.textContent('body')).toContain('Cấp nhầm người yêu cầu');
    await page.context().close();
  }, 120_000);
});
